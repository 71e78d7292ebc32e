ALTER TABLE "user" ADD COLUMN "goal" varchar(32);--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;