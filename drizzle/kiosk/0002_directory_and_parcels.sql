CREATE TABLE `access_code_parcel` (
	`access_code_id` text NOT NULL,
	`parcel_id` text NOT NULL,
	PRIMARY KEY(`access_code_id`, `parcel_id`),
	FOREIGN KEY (`access_code_id`) REFERENCES `access_code`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parcel_id`) REFERENCES `parcel`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE INDEX `access_code_parcel_parcel` ON `access_code_parcel` (`parcel_id`);--> statement-breakpoint
CREATE TABLE `access_code` (
	`id` text PRIMARY KEY NOT NULL,
	`bank_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`purpose` text NOT NULL,
	`target_id` text NOT NULL,
	`issued_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`consumed_at` integer,
	`voided_at` integer,
	FOREIGN KEY (`bank_id`) REFERENCES `locker_bank`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "access_code_hash_digest" CHECK(length("access_code"."code_hash") = 64 AND "access_code"."code_hash" NOT GLOB '*[^0-9a-f]*'),
	CONSTRAINT "access_code_purpose" CHECK("access_code"."purpose" IN ('pickup', 'return', 'exchange_drop_off', 'exchange_pickup', 'storage', 'carrier_delivery')),
	CONSTRAINT "access_code_single_end" CHECK("access_code"."consumed_at" IS NULL OR "access_code"."voided_at" IS NULL),
	CONSTRAINT "access_code_expiry" CHECK("access_code"."expires_at" > "access_code"."issued_at")
) STRICT;
--> statement-breakpoint
CREATE INDEX `access_code_active_hash` ON `access_code` (`bank_id`,`code_hash`) WHERE "access_code"."consumed_at" IS NULL AND "access_code"."voided_at" IS NULL;--> statement-breakpoint
CREATE INDEX `access_code_target` ON `access_code` (`target_id`,`purpose`);--> statement-breakpoint
CREATE TABLE `badge` (
	`id` text PRIMARY KEY NOT NULL,
	`value_hash` text NOT NULL,
	`owner_kind` text NOT NULL,
	`operator_id` text,
	`contact_id` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operator`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contact`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "badge_value_hash_digest" CHECK(length("badge"."value_hash") = 64 AND "badge"."value_hash" NOT GLOB '*[^0-9a-f]*'),
	CONSTRAINT "badge_owner_kind" CHECK("badge"."owner_kind" IN ('operator', 'contact')),
	CONSTRAINT "badge_owner" CHECK(("badge"."owner_kind" = 'operator' AND "badge"."operator_id" IS NOT NULL AND "badge"."contact_id" IS NULL)
        OR ("badge"."owner_kind" = 'contact' AND "badge"."contact_id" IS NOT NULL AND "badge"."operator_id" IS NULL)),
	CONSTRAINT "badge_active" CHECK("badge"."active" IN (0, 1))
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `badge_active_value_hash` ON `badge` (`value_hash`) WHERE "badge"."active" = 1;--> statement-breakpoint
CREATE INDEX `badge_operator` ON `badge` (`operator_id`);--> statement-breakpoint
CREATE INDEX `badge_contact` ON `badge` (`contact_id`);--> statement-breakpoint
CREATE TABLE `carrier` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`code_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "carrier_code_hash_digest" CHECK(length("carrier"."code_hash") = 64 AND "carrier"."code_hash" NOT GLOB '*[^0-9a-f]*'),
	CONSTRAINT "carrier_active" CHECK("carrier"."active" IN (0, 1))
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `carrier_code_hash` ON `carrier` (`code_hash`);--> statement-breakpoint
CREATE TABLE `contact` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`language` text DEFAULT 'en' NOT NULL,
	`personnel_id` text,
	`department_id` text,
	`accessibility_need` integer DEFAULT false NOT NULL,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`search_text` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contact_language" CHECK("contact"."language" IN ('en', 'fr')),
	CONSTRAINT "contact_accessibility_need" CHECK("contact"."accessibility_need" IN (0, 1)),
	CONSTRAINT "contact_active" CHECK("contact"."active" IN (0, 1)),
	CONSTRAINT "contact_custom_fields_object" CHECK(json_type("contact"."custom_fields") = 'object'),
	CONSTRAINT "contact_email_lower_case" CHECK("contact"."email" = lower("contact"."email"))
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `contact_personnel_id` ON `contact` (`personnel_id`) WHERE "contact"."personnel_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `contact_email` ON `contact` (`email`);--> statement-breakpoint
CREATE INDEX `contact_department` ON `contact` (`department_id`,`name`);--> statement-breakpoint
CREATE INDEX `contact_name` ON `contact` (`name`);--> statement-breakpoint
CREATE TABLE `delivery_reservation` (
	`id` text PRIMARY KEY NOT NULL,
	`bank_id` text NOT NULL,
	`parcel_id` text,
	`contact_id` text,
	`department_id` text,
	`size` text NOT NULL,
	`preferred_compartment_id` text,
	`compartment_id` text,
	`designated_operator_id` text,
	`designated_carrier_id` text,
	`state` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`bank_id`) REFERENCES `locker_bank`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parcel_id`) REFERENCES `parcel`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contact`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`preferred_compartment_id`) REFERENCES `compartment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compartment_id`) REFERENCES `compartment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`designated_operator_id`) REFERENCES `operator`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`designated_carrier_id`) REFERENCES `carrier`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "delivery_reservation_size" CHECK("delivery_reservation"."size" IN ('S', 'M', 'L')),
	CONSTRAINT "delivery_reservation_state" CHECK("delivery_reservation"."state" IN ('active', 'fulfilled', 'cancelled', 'expired')),
	CONSTRAINT "delivery_reservation_target" CHECK("delivery_reservation"."parcel_id" IS NOT NULL OR "delivery_reservation"."contact_id" IS NOT NULL OR "delivery_reservation"."department_id" IS NOT NULL),
	CONSTRAINT "delivery_reservation_designated" CHECK("delivery_reservation"."designated_operator_id" IS NULL OR "delivery_reservation"."designated_carrier_id" IS NULL),
	CONSTRAINT "delivery_reservation_closed" CHECK(("delivery_reservation"."state" = 'active') = ("delivery_reservation"."closed_at" IS NULL)),
	CONSTRAINT "delivery_reservation_expiry" CHECK("delivery_reservation"."expires_at" > "delivery_reservation"."created_at")
) STRICT;
--> statement-breakpoint
CREATE INDEX `delivery_reservation_compartment` ON `delivery_reservation` (`compartment_id`,`state`);--> statement-breakpoint
CREATE INDEX `delivery_reservation_parcel` ON `delivery_reservation` (`parcel_id`);--> statement-breakpoint
CREATE INDEX `delivery_reservation_contact` ON `delivery_reservation` (`contact_id`,`state`);--> statement-breakpoint
CREATE INDEX `delivery_reservation_bank_state` ON `delivery_reservation` (`bank_id`,`state`,`expires_at`);--> statement-breakpoint
CREATE TABLE `department_delegate` (
	`department_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`department_id`, `contact_id`),
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contact`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE INDEX `department_delegate_contact` ON `department_delegate` (`contact_id`);--> statement-breakpoint
CREATE TABLE `department` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`search_name` text NOT NULL,
	`key_contact_id` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`key_contact_id`) REFERENCES `contact`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "department_active" CHECK("department"."active" IN (0, 1))
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `department_search_name` ON `department` (`search_name`);--> statement-breakpoint
CREATE TABLE `operator` (
	`id` text PRIMARY KEY NOT NULL,
	`user_name` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`failed_sign_in_count` integer DEFAULT 0 NOT NULL,
	`last_failed_sign_in_at` integer,
	`locked_until` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "operator_role" CHECK("operator"."role" IN ('admin', 'mailroom_operator')),
	CONSTRAINT "operator_user_name_lower_case" CHECK("operator"."user_name" = lower("operator"."user_name")),
	CONSTRAINT "operator_password_hash_scrypt" CHECK("operator"."password_hash" GLOB '$scrypt$ln=*'),
	CONSTRAINT "operator_failed_sign_in_count" CHECK("operator"."failed_sign_in_count" >= 0),
	CONSTRAINT "operator_active" CHECK("operator"."active" IN (0, 1))
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `operator_user_name` ON `operator` (`user_name`);--> statement-breakpoint
CREATE TABLE `parcel` (
	`id` text PRIMARY KEY NOT NULL,
	`bank_id` text NOT NULL,
	`tracking_number` text,
	`tracking_carrier` text,
	`carrier_id` text,
	`contact_id` text,
	`department_id` text,
	`size` text,
	`state` text NOT NULL,
	`compartment_id` text,
	`received_at` integer NOT NULL,
	`deposited_at` integer,
	`picked_up_at` integer,
	`removed_at` integer,
	`returned_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`bank_id`) REFERENCES `locker_bank`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`carrier_id`) REFERENCES `carrier`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contact`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compartment_id`) REFERENCES `compartment`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "parcel_state" CHECK("parcel"."state" IN ('expected', 'in_locker', 'picked_up', 'removed', 'returned')),
	CONSTRAINT "parcel_size" CHECK("parcel"."size" IS NULL OR "parcel"."size" IN ('S', 'M', 'L')),
	CONSTRAINT "parcel_recipient" CHECK(("parcel"."contact_id" IS NULL) <> ("parcel"."department_id" IS NULL)),
	CONSTRAINT "parcel_in_locker" CHECK("parcel"."state" <> 'in_locker' OR ("parcel"."compartment_id" IS NOT NULL AND "parcel"."deposited_at" IS NOT NULL)),
	CONSTRAINT "parcel_picked_up" CHECK("parcel"."state" <> 'picked_up' OR "parcel"."picked_up_at" IS NOT NULL),
	CONSTRAINT "parcel_removed" CHECK("parcel"."state" <> 'removed' OR "parcel"."removed_at" IS NOT NULL),
	CONSTRAINT "parcel_returned" CHECK("parcel"."state" <> 'returned' OR "parcel"."returned_at" IS NOT NULL)
) STRICT;
--> statement-breakpoint
CREATE INDEX `parcel_contact` ON `parcel` (`contact_id`,`state`);--> statement-breakpoint
CREATE INDEX `parcel_department` ON `parcel` (`department_id`,`state`);--> statement-breakpoint
CREATE INDEX `parcel_compartment` ON `parcel` (`compartment_id`,`state`);--> statement-breakpoint
CREATE INDEX `parcel_tracking_number` ON `parcel` (`tracking_number`);--> statement-breakpoint
CREATE INDEX `parcel_bank_state` ON `parcel` (`bank_id`,`state`,`deposited_at`);