import io.creditloop.security.Caller;
import io.creditloop.security.TokenKeys;
import io.creditloop.security.Tokens;

import java.time.Duration;
import java.util.Set;

/**
 * Prints a token as the gateway forwards it to the services (audience {@link Tokens#SERVICES}), signed with the
 * development key pair the benchmark's services run with (no TOKEN_* settings), so requests sent to a service
 * directly carry a caller as they would behind the gateway (R16):
 * <pre>
 *   java -cp security.jar:nimbus-jose-jwt.jar:slf4j-api.jar MintToken.java AGENCY public-resource-trading bench 3h
 * </pre>
 * (bench/lib.sh {@code service_token} does this with the jars inside a service's exec jar).
 */
public final class MintToken {

    public static void main(String[] args) {
        Caller caller = new Caller(Caller.Kind.valueOf(args[0]), args[1], args[2], Set.of());
        Duration ttl = Duration.parse("PT" + args[3].toUpperCase());
        System.out.println(new Tokens(TokenKeys.development()).mint(caller, Tokens.SERVICES, ttl));
    }
}
