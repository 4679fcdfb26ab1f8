CREATE TABLE "activity" (
	"bank_id" text NOT NULL,
	"id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"device_id" text NOT NULL,
	"mutation_id" bigint NOT NULL,
	"type" text NOT NULL,
	"compartment_id" text,
	"actor" text NOT NULL,
	"details" jsonb NOT NULL,
	"hlc" text NOT NULL,
	"wall_time" bigint NOT NULL,
	"received_at" bigint NOT NULL,
	CONSTRAINT "activity_bank_id_id_pk" PRIMARY KEY("bank_id","id")
);
--> statement-breakpoint
CREATE TABLE "admin_token" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text,
	"token_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"revoked_at" bigint
);
--> statement-breakpoint
CREATE TABLE "alert" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"bank_id" text,
	"device_id" text,
	"kind" text NOT NULL,
	"dedupe_key" text,
	"message" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" bigint NOT NULL,
	"resolved_at" bigint
);
--> statement-breakpoint
CREATE TABLE "bank_parcel" (
	"bank_id" text NOT NULL,
	"parcel_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"compartment_id" text,
	"state" text NOT NULL,
	"recipient_contact_id" text,
	"expires_at" bigint,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "bank_parcel_bank_id_parcel_id_pk" PRIMARY KEY("bank_id","parcel_id")
);
--> statement-breakpoint
CREATE TABLE "bank_storage" (
	"bank_id" text NOT NULL,
	"storage_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"compartment_id" text,
	"state" text NOT NULL,
	"contact_id" text,
	"ends_at" bigint,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "bank_storage_bank_id_storage_id_pk" PRIMARY KEY("bank_id","storage_id")
);
--> statement-breakpoint
CREATE TABLE "bank" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"location_id" text NOT NULL,
	"name" text NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"pruned_through_version" bigint DEFAULT 0 NOT NULL,
	"enrolment_code_hash" text,
	"enrolment_expires_at" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "device_mutation" (
	"device_id" text NOT NULL,
	"id" bigint NOT NULL,
	"name" text NOT NULL,
	"v" integer NOT NULL,
	"args_hash" text NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"applied_at" bigint NOT NULL,
	CONSTRAINT "device_mutation_device_id_id_pk" PRIMARY KEY("device_id","id")
);
--> statement-breakpoint
CREATE TABLE "device" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"bank_id" text NOT NULL,
	"incarnation_id" text NOT NULL,
	"credential_hash" text NOT NULL,
	"last_mutation_id" bigint DEFAULT 0 NOT NULL,
	"revoked_at" bigint,
	"enrolled_at" bigint NOT NULL,
	"last_seen_at" bigint,
	"clock_skew_ms" bigint
);
--> statement-breakpoint
CREATE TABLE "division" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"bank_id" text NOT NULL,
	"notification_id" text NOT NULL,
	"kind" text NOT NULL,
	"to_name" text NOT NULL,
	"to_email" text,
	"language" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"inline_images" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"parcel_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"expires_at" bigint,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint NOT NULL,
	"last_error" text,
	"message_id" text,
	"created_at" bigint NOT NULL,
	"sent_at" bigint
);
--> statement-breakpoint
CREATE TABLE "entity" (
	"tenant_id" text NOT NULL,
	"bank_id" text NOT NULL,
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"value" jsonb,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "entity_tenant_id_bank_id_kind_id_pk" PRIMARY KEY("tenant_id","bank_id","kind","id")
);
--> statement-breakpoint
CREATE TABLE "location" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"division_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"pruned_through_version" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_bank_id_bank_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."bank"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_token" ADD CONSTRAINT "admin_token_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_parcel" ADD CONSTRAINT "bank_parcel_bank_id_bank_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."bank"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_storage" ADD CONSTRAINT "bank_storage_bank_id_bank_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."bank"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank" ADD CONSTRAINT "bank_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank" ADD CONSTRAINT "bank_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."location"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_mutation" ADD CONSTRAINT "device_mutation_device_id_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."device"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device" ADD CONSTRAINT "device_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device" ADD CONSTRAINT "device_bank_id_bank_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."bank"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "division" ADD CONSTRAINT "division_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity" ADD CONSTRAINT "entity_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location" ADD CONSTRAINT "location_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location" ADD CONSTRAINT "location_division_id_division_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."division"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_bank_hlc" ON "activity" USING btree ("bank_id","hlc");--> statement-breakpoint
CREATE UNIQUE INDEX "admin_token_hash" ON "admin_token" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "alert_tenant" ON "alert" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_open_dedupe" ON "alert" USING btree ("dedupe_key") WHERE resolved_at IS NULL;--> statement-breakpoint
CREATE INDEX "bank_parcel_compartment" ON "bank_parcel" USING btree ("bank_id","compartment_id","state");--> statement-breakpoint
CREATE INDEX "bank_storage_compartment" ON "bank_storage" USING btree ("bank_id","compartment_id","state");--> statement-breakpoint
CREATE INDEX "bank_tenant" ON "bank" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_enrolment_code" ON "bank" USING btree ("enrolment_code_hash");--> statement-breakpoint
CREATE INDEX "device_mutation_rejected" ON "device_mutation" USING btree ("device_id","id") WHERE status = 'rejected';--> statement-breakpoint
CREATE INDEX "device_bank" ON "device" USING btree ("bank_id");--> statement-breakpoint
CREATE INDEX "division_tenant" ON "division" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_outbox_notification" ON "email_outbox" USING btree ("bank_id","notification_id");--> statement-breakpoint
CREATE INDEX "email_outbox_due" ON "email_outbox" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "entity_scope_version" ON "entity" USING btree ("tenant_id","bank_id","version");--> statement-breakpoint
CREATE INDEX "location_tenant" ON "location" USING btree ("tenant_id");