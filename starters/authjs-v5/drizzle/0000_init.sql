CREATE TABLE "user" (
	"id" varchar(255) PRIMARY KEY NOT NULL,
	"email" varchar(255),
	"github_id" varchar(64),
	"name" varchar(255),
	"role" varchar(32) DEFAULT 'user' NOT NULL,
	"onboarding_step" varchar(32) DEFAULT 'INITIAL' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email"),
	CONSTRAINT "user_github_id_unique" UNIQUE("github_id")
);
