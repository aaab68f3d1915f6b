package io.influxspring.sample;

import java.time.Instant;

import io.influxspring.write.WriteApi;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Records each order as a point: {@code curl -XPOST localhost:8080/orders -H 'Content-Type: application/json' -d '{"country":"DE","payment":"card","amount":42.5,"items":3}'}. */
@RestController
class OrderController {

	private final WriteApi writeApi;

	OrderController(WriteApi writeApi) {
		this.writeApi = writeApi;
	}

	@PostMapping("/orders")
	@ResponseStatus(HttpStatus.ACCEPTED)
	OrderPlaced placeOrder(@RequestBody Order order) {
		OrderPlaced placed = new OrderPlaced(order.country(), order.payment(), order.amount(), order.items(), Instant.now());
		this.writeApi.writeMeasurement(placed);
		return placed;
	}

	/** The request body. */
	record Order(String country, String payment, double amount, int items) {
	}

}
