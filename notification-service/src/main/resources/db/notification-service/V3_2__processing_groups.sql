-- A processor per processing group (decision 8): the roster and the notifier stay one group (the notifier reads
-- the roster as of the event it notifies), named for its purpose: notifier. It goes on where the service's one
-- processor (notification-service) stood, so no notice is sent twice and none is missed.
UPDATE token_entry SET processor_name = 'notifier', owner = NULL WHERE processor_name = 'notification-service';
UPDATE dead_letter_entry SET processing_group = 'notifier' WHERE processing_group = 'notification-service';
