package io.sentio.launcher.cli;

import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.alpaca.AlpacaApiException;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * Turns the broker's or feed's failures into exit code {@link ExitCodes#VENUE_FAILURE}: an unreachable
 * host, a dropped connection or an error answer is the venue's problem, not a bug of sentio (exit 1), and
 * an operator's script retries or pages on it.
 */
final class VenueFailures {
    private VenueFailures() {
    }

    static <T> T call(String tradingHost, Callable<T> work) throws Exception {
        try {
            return work.call();
        } catch (IOException e) {
            throw new SentioException(ExitCodes.VENUE_FAILURE, "venue failure (trading host " + tradingHost + "): "
                + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (AlpacaApiException e) {
            throw new SentioException(ExitCodes.VENUE_FAILURE, "venue failure (trading host " + tradingHost + "): "
                + e.getMessage(), e);
        }
    }
}
