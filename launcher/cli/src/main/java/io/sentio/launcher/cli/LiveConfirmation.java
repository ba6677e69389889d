package io.sentio.launcher.cli;

import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.alpaca.trading.Broker;
import java.util.Map;

/**
 * The second key of a real-money run: besides {@code --live}, the environment must name the account
 * that will trade ({@value #ENV}=its account number, as Alpaca's dashboard and {@code GET /v2/account}
 * show it). A live flag left in a script, or keys of another account in the environment, then stop
 * before anything is sent or adopted.
 */
final class LiveConfirmation {
    static final String ENV = "SENTIO_LIVE_CONFIRM";

    private LiveConfirmation() {
    }

    /** Checked before the broker is asked: a missing confirmation needs no network. */
    static void requirePresent(Map<String, String> env, String tradingHost) {
        if (env.getOrDefault(ENV, "").isBlank()) {
            throw new SentioException(ExitCodes.LIVE_NOT_CONFIRMED, "--live trades real money at " + tradingHost
                + ": confirm it with " + ENV + "=<the account number> in the environment");
        }
    }

    /** The broker's own account number must be the confirmed one; neither number is printed. */
    static void requireMatches(Map<String, String> env, String tradingHost, Broker.Account account) {
        String confirmed = env.getOrDefault(ENV, "").strip();
        if (account.accountNumber == null || !account.accountNumber.equals(confirmed)) {
            throw new SentioException(ExitCodes.LIVE_NOT_CONFIRMED, ENV + " is not the account number of the account"
                + " the keys trade at " + tradingHost + ": not trading (see the number in Alpaca's dashboard)");
        }
    }
}
