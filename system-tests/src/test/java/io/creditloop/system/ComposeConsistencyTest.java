package io.creditloop.system;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml describes the same suite as the apps' own configuration: same ports, same variables. */
class ComposeConsistencyTest {

    private static final Path ROOT = Path.of(System.getProperty("creditloop.root", "..")).toAbsolutePath().normalize();
    private static final Pattern DEFAULT_PORT = Pattern.compile("port:\\s*\\$\\{PORT:(\\d+)}");

    @Test
    @DisplayName("every app is in docker-compose.yml, published on the port its application.yml defaults to")
    void portsMatch() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (String app : Suite.APPS) {
            assertThat(services).as("compose service " + app).containsKey(app);
            int port = defaultPort(app);
            assertThat(ports(services.get(app))).as(app + " ports").contains(port + ":" + port);
            Map<String, String> env = environment(services.get(app));
            if (env.containsKey("PORT")) {
                assertThat(env.get("PORT")).as(app + " PORT").isEqualTo(String.valueOf(port));
            }
            assertThat(services.get(app)).as(app + " healthcheck").containsKey("healthcheck");
        }
    }

    @Test
    @DisplayName("the gateway's routes and sharing's platform point at the compose services on their ports")
    void urlsPointAtServices() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, String> gateway = environment(services.get("gateway"));
        Map<String, String> expected = Map.of("IDENTIFICATION_URL", "identification-service",
                "SHARING_URL", "sharing-service", "SANCTION_URL", "sanction-service",
                "REPAIR_URL", "repair-service", "PUBLICATION_URL", "publication-service");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertThat(gateway.get(e.getKey())).as(e.getKey())
                    .isEqualTo("http://" + e.getValue() + ":" + defaultPort(e.getValue()));
        }
        for (String platform : List.of("CITY", "PROVINCE", "NATION")) {
            assertThat(environment(services.get("sharing-service")).get(platform + "_PLATFORM_URL")).as(platform)
                    .startsWith("http://simulator:" + defaultPort("simulator") + "/");
            assertThat(applicationYml("sharing-service")).contains("${" + platform + "_PLATFORM_URL:");
        }
        for (String app : List.of("identification-service", "sharing-service", "sanction-service", "repair-service",
                "publication-service")) {
            Map<String, String> env = environment(services.get(app));
            assertThat(env).as(app).containsKeys("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS");
            assertThat(applicationYml(app)).contains("${DATABASE_URL:").contains("${KAFKA_BOOTSTRAP_SERVERS:");
        }
    }

    @Test
    @DisplayName("SCALE-OUT F1: the files services keep outside the database are on named volumes, at the path the "
            + "service is told; the gateway reads each service's instances list or its one URL")
    void filesOnNamedVolumes() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> volumes = (Map<String, Object>) compose.get("volumes");
        Map<String, Map<String, Object>> services = services();
        Map<String, String> dirs = Map.of("identification-service", "INTAKE_STORAGE_DIR",
                "sharing-service", "SHARING_EXPORT_DIR", "repair-service", "REPAIR_EVIDENCE_DIR");
        for (Map.Entry<String, String> e : dirs.entrySet()) {
            String path = environment(services.get(e.getKey())).get(e.getValue());
            assertThat(path).as(e.getKey() + " " + e.getValue()).startsWith("/");
            List<String> mounts = ((List<?>) services.get(e.getKey()).get("volumes")).stream().map(String::valueOf)
                    .toList();
            assertThat(mounts).as(e.getKey() + " volumes").anySatisfy(mount -> {
                String[] parts = mount.split(":");
                assertThat(parts[1]).isEqualTo(path);
                assertThat(volumes).containsKey(parts[0]);
            });
            assertThat(applicationYml(e.getKey())).contains("${" + e.getValue() + ":");
        }
        for (String service : List.of("IDENTIFICATION", "SHARING", "SANCTION", "REPAIR", "PUBLICATION")) {
            assertThat(applicationYml("gateway")).contains("${" + service + "_URLS:${" + service + "_URL:");
        }
    }

    private static int defaultPort(String app) throws IOException {
        Matcher m = DEFAULT_PORT.matcher(applicationYml(app));
        assertThat(m.find()).as(app + " application.yml has port: ${PORT:nnnn}").isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String applicationYml(String app) throws IOException {
        return Files.readString(ROOT.resolve(app).resolve("src/main/resources/application.yml"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private static List<String> ports(Map<String, Object> service) {
        Object ports = service.get("ports");
        return ports == null ? List.of() : ((List<?>) ports).stream().map(String::valueOf).toList();
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        } else if (raw instanceof List<?> list) {
            for (Object item : list) {
                String[] kv = String.valueOf(item).split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return env;
    }
}
