package io.sentio.launcher.metrics;

import static io.sentio.launcher.metrics.MetricsSession.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The allocation-free latency histograms, as Prometheus's text format writes them. */
class LatencyHistogramsTest {

    @Test
    void shouldPutEachValueInTheFirstBucketWhoseBoundHoldsIt() {
        LatencyHistograms h = new LatencyHistograms("x_seconds", "x", null, 1_000, 4);
        assertEquals(0, h.bucket(0));
        assertEquals(0, h.bucket(1_000), "bounds are inclusive");
        assertEquals(1, h.bucket(1_001));
        assertEquals(1, h.bucket(2_000));
        assertEquals(2, h.bucket(2_001));
        assertEquals(3, h.bucket(8_000));
        assertEquals(4, h.bucket(8_001), "beyond the last finite bound: +Inf");
        assertEquals(4, h.bucket(Long.MAX_VALUE));
    }

    @Test
    void shouldExposeCumulativeBucketsSumAndCountPerLabel() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        LatencyHistograms h = new LatencyHistograms("stage_seconds", "per stage", "stage", 1_000, 3);
        registry.register(h);
        LatencyHistograms.Child sync = h.child("sync");
        sync.record(500);
        sync.record(1_500);
        sync.record(3_000);
        sync.record(1_000_000);
        h.child("desk").record(-5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        String text = out.toString(StandardCharsets.UTF_8);

        assertEquals(1, sample(text, "stage_seconds_bucket{stage=\"sync\",le=\"1.0E-6\"}"), text);
        assertEquals(2, sample(text, "stage_seconds_bucket{stage=\"sync\",le=\"2.0E-6\"}"));
        assertEquals(3, sample(text, "stage_seconds_bucket{stage=\"sync\",le=\"4.0E-6\"}"));
        assertEquals(4, sample(text, "stage_seconds_bucket{stage=\"sync\",le=\"+Inf\"}"));
        assertEquals(4, sample(text, "stage_seconds_count{stage=\"sync\"}"));
        assertEquals(1.0050e-3, sample(text, "stage_seconds_sum{stage=\"sync\"}"), 1e-12);
        assertEquals(1, sample(text, "stage_seconds_bucket{stage=\"desk\",le=\"1.0E-6\"}"), "a negative reading counts as 0");
        assertEquals(0, sample(text, "stage_seconds_sum{stage=\"desk\"}"));
    }
}
