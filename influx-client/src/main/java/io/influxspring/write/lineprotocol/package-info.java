/**
 * Line protocol at the byte level: escaping, validation and number formatting straight into a
 * reusable byte buffer. Knows nothing of points, batches or HTTP.
 */
@NullMarked
package io.influxspring.write.lineprotocol;

import org.jspecify.annotations.NullMarked;
