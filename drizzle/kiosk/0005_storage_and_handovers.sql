CREATE TABLE `handover` (
	`id` text PRIMARY KEY NOT NULL,
	`bank_id` text NOT NULL,
	`kind` text NOT NULL,
	`size` text NOT NULL,
	`sender_contact_id` text NOT NULL,
	`receiver_contact_id` text,
	`tracking_number` text,
	`parcel_id` text,
	`compartment_id` text,
	`state` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`drop_by` integer NOT NULL,
	`dropped_at` integer,
	`closed_at` integer,
	`closed_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`bank_id`) REFERENCES `locker_bank`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sender_contact_id`) REFERENCES `contact`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receiver_contact_id`) REFERENCES `contact`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parcel_id`) REFERENCES `parcel`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compartment_id`) REFERENCES `compartment`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "handover_kind" CHECK("handover"."kind" IN ('return', 'exchange')),
	CONSTRAINT "handover_size" CHECK("handover"."size" IN ('S', 'M', 'L')),
	CONSTRAINT "handover_state" CHECK("handover"."state" IN ('awaiting_drop', 'in_locker', 'collected', 'picked_up', 'cancelled')),
	CONSTRAINT "handover_receiver" CHECK(("handover"."kind" = 'exchange') = ("handover"."receiver_contact_id" IS NOT NULL)),
	CONSTRAINT "handover_in_locker" CHECK("handover"."state" = 'awaiting_drop' OR "handover"."state" = 'cancelled' OR ("handover"."parcel_id" IS NOT NULL AND "handover"."compartment_id" IS NOT NULL AND "handover"."dropped_at" IS NOT NULL)),
	CONSTRAINT "handover_closed" CHECK(("handover"."state" IN ('awaiting_drop', 'in_locker')) = ("handover"."closed_at" IS NULL)),
	CONSTRAINT "handover_drop_by" CHECK("handover"."drop_by" > "handover"."created_at")
) STRICT;
--> statement-breakpoint
CREATE INDEX `handover_bank_state` ON `handover` (`bank_id`,`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `handover_parcel` ON `handover` (`parcel_id`);--> statement-breakpoint
CREATE TABLE `storage_reservation` (
	`id` text PRIMARY KEY NOT NULL,
	`bank_id` text NOT NULL,
	`contact_id` text,
	`size` text NOT NULL,
	`preferred_compartment_id` text,
	`compartment_id` text,
	`state` text NOT NULL,
	`source` text NOT NULL,
	`external_id` text,
	`stay_hours` integer,
	`starts_at` integer NOT NULL,
	`claim_until` integer,
	`started_at` integer,
	`ends_at` integer,
	`latest_end_at` integer,
	`closed_at` integer,
	`closed_by` text,
	`close_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`bank_id`) REFERENCES `locker_bank`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contact`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`preferred_compartment_id`) REFERENCES `compartment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compartment_id`) REFERENCES `compartment`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "storage_reservation_size" CHECK("storage_reservation"."size" IN ('S', 'M', 'L')),
	CONSTRAINT "storage_reservation_state" CHECK("storage_reservation"."state" IN ('booked', 'active', 'ended', 'emptied', 'cancelled')),
	CONSTRAINT "storage_reservation_source" CHECK("storage_reservation"."source" IN ('kiosk', 'booking')),
	CONSTRAINT "storage_reservation_active_has_compartment" CHECK("storage_reservation"."state" <> 'active' OR ("storage_reservation"."compartment_id" IS NOT NULL AND "storage_reservation"."started_at" IS NOT NULL)),
	CONSTRAINT "storage_reservation_closed" CHECK(("storage_reservation"."state" IN ('booked', 'active')) = ("storage_reservation"."closed_at" IS NULL)),
	CONSTRAINT "storage_reservation_end" CHECK("storage_reservation"."ends_at" IS NULL OR "storage_reservation"."started_at" IS NULL OR "storage_reservation"."ends_at" > "storage_reservation"."started_at"),
	CONSTRAINT "storage_reservation_latest_end" CHECK("storage_reservation"."latest_end_at" IS NULL OR ("storage_reservation"."ends_at" IS NOT NULL AND "storage_reservation"."latest_end_at" >= "storage_reservation"."ends_at")),
	CONSTRAINT "storage_reservation_stay_hours" CHECK("storage_reservation"."stay_hours" IS NULL OR "storage_reservation"."stay_hours" >= 1)
) STRICT;
--> statement-breakpoint
CREATE INDEX `storage_reservation_bank_state` ON `storage_reservation` (`bank_id`,`state`,`ends_at`);--> statement-breakpoint
CREATE INDEX `storage_reservation_compartment` ON `storage_reservation` (`compartment_id`,`state`);--> statement-breakpoint
CREATE INDEX `storage_reservation_contact` ON `storage_reservation` (`contact_id`,`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `storage_reservation_external` ON `storage_reservation` (`bank_id`,`external_id`) WHERE "storage_reservation"."external_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `parcel` ADD `kind` text DEFAULT 'delivery' NOT NULL;