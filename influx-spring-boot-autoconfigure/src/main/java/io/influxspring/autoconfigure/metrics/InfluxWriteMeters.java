package io.influxspring.autoconfigure.metrics;

import io.micrometer.common.docs.KeyName;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.docs.MeterDocumentation;

/**
 * The meters of an InfluxDB writer, each tagged with the {@code writer} (its bean or given name) and
 * the {@code bucket} (or database) it writes to.
 *
 * @since 0.1.0
 */
public enum InfluxWriteMeters implements MeterDocumentation {

	/**
	 * Lines by what became of them: {@code outcome} is {@code written}, {@code failed} (with
	 * {@code reason} {@code rejected} or {@code expired}) or {@code dropped} (with {@code reason}
	 * {@code overflow}, {@code closed} or {@code disposed}); {@code reason} is {@code none} for written lines.
	 */
	LINES {
		@Override
		public String getName() {
			return "influx.write.lines";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.COUNTER;
		}

		@Override
		public String getBaseUnit() {
			return "lines";
		}

		@Override
		public KeyName[] getKeyNames() {
			return KeyName.merge(CommonTags.values(), LinesTags.values());
		}
	},

	/**
	 * Write requests by {@code outcome} ({@code success}, {@code client_error}, {@code server_error},
	 * {@code network_error}) and HTTP {@code status} ({@code none} without a response).
	 */
	REQUESTS {
		@Override
		public String getName() {
			return "influx.write.requests";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.TIMER;
		}

		@Override
		public KeyName[] getKeyNames() {
			return KeyName.merge(CommonTags.values(), RequestsTags.values());
		}
	},

	/** Lines held by the writer: open batch, queued, in flight and waiting for retry. */
	BUFFER_LINES {
		@Override
		public String getName() {
			return "influx.write.buffer.lines";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.GAUGE;
		}

		@Override
		public String getBaseUnit() {
			return "lines";
		}

		@Override
		public KeyName[] getKeyNames() {
			return CommonTags.values();
		}
	},

	/** Bytes of line protocol held by the writer: open batch, queued, in flight and waiting for retry. */
	BUFFER_BYTES {
		@Override
		public String getName() {
			return "influx.write.buffer.bytes";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.GAUGE;
		}

		@Override
		public String getBaseUnit() {
			return "bytes";
		}

		@Override
		public KeyName[] getKeyNames() {
			return CommonTags.values();
		}
	},

	/** Lines held in the spool on disk (0 without a spool). */
	SPOOL_LINES {
		@Override
		public String getName() {
			return "influx.write.spool.lines";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.GAUGE;
		}

		@Override
		public String getBaseUnit() {
			return "lines";
		}

		@Override
		public KeyName[] getKeyNames() {
			return CommonTags.values();
		}
	},

	/** Bytes the spool's records take on disk. */
	SPOOL_BYTES {
		@Override
		public String getName() {
			return "influx.write.spool.bytes";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.GAUGE;
		}

		@Override
		public String getBaseUnit() {
			return "bytes";
		}

		@Override
		public KeyName[] getKeyNames() {
			return CommonTags.values();
		}
	},

	/** Lines found in the spool at startup and sent again. */
	SPOOL_REPLAYED {
		@Override
		public String getName() {
			return "influx.write.spool.replayed";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.COUNTER;
		}

		@Override
		public String getBaseUnit() {
			return "lines";
		}

		@Override
		public KeyName[] getKeyNames() {
			return CommonTags.values();
		}
	},

	/** Spool records skipped as torn or corrupt; their lines were never sent. */
	SPOOL_SKIPPED {
		@Override
		public String getName() {
			return "influx.write.spool.skipped";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.COUNTER;
		}

		@Override
		public String getBaseUnit() {
			return "records";
		}

		@Override
		public KeyName[] getKeyNames() {
			return CommonTags.values();
		}
	},

	/** Requests scheduled for a retry. */
	RETRIES {
		@Override
		public String getName() {
			return "influx.write.retries";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.COUNTER;
		}

		@Override
		public KeyName[] getKeyNames() {
			return CommonTags.values();
		}
	};

	/** Tags of every meter. */
	public enum CommonTags implements KeyName {

		/** The writer: its bean name, or the name given to the factory's spec (its bucket by default). */
		WRITER {
			@Override
			public String asString() {
				return "writer";
			}
		},

		/** The bucket (v2) or database (v1, v3) written to. */
		BUCKET {
			@Override
			public String asString() {
				return "bucket";
			}
		}

	}

	/** Tags of {@link #LINES}. */
	public enum LinesTags implements KeyName {

		/** {@code written}, {@code failed} or {@code dropped}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** Why lines failed or were dropped; {@code none} for written lines. */
		REASON {
			@Override
			public String asString() {
				return "reason";
			}
		}

	}

	/** Tags of {@link #REQUESTS}. */
	public enum RequestsTags implements KeyName {

		/** {@code success}, {@code client_error}, {@code server_error} or {@code network_error}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The HTTP status, or {@code none}. */
		STATUS {
			@Override
			public String asString() {
				return "status";
			}
		}

	}

}
