package io.influxspring.write.engine;

/** How the {@link Dispatcher} settles a batch whose request ended, in the {@link LineAccumulator}. */
enum Settlement {

	/** Written, but for lines the server refused (a partial write). */
	WRITTEN,

	/** Refused for good. */
	FAILED,

	/** Out of retries. */
	EXPIRED,

	/** Failed because deciding its outcome failed. */
	AFTER_FAULT,

	/** Too large: split in two halves sent first. */
	SPLIT,

	/** Sent again once due. */
	RETRY

}
