ALTER TABLE "user" ADD COLUMN "onboarding_step" text DEFAULT 'INITIAL' NOT NULL;--> statement-breakpoint
-- Added by hand after `drizzle-kit generate`: accounts that existed before onboarding did are not sent through it.
UPDATE "user" SET "onboarding_step" = 'COMPLETED';
