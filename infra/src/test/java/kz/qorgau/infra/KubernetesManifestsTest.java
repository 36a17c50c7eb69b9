package kz.qorgau.infra;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests of {@code infra/kubernetes} against what the application really reads and serves: its
 * configuration properties (from the sources of web and domain), the launcher's way of starting Payara Micro, the
 * public health paths of web.xml, and the README's command that creates the Secret.
 */
class KubernetesManifestsTest {

    private static final Path MANIFESTS = Path.of("kubernetes");
    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();
    private static final String KUSTOMIZATION = "kustomization.yaml";

    private final List<Map<String, Object>> documents = documents();
    private final Map<String, Object> deployment = only("Deployment");
    private final Map<String, Object> pod = map(deployment, "spec", "template");
    private final Map<String, Object> container = single(list(map(pod, "spec"), "containers"));

    @Test
    void everyDocumentHasApiVersionKindAndNameAndTheOneNamespace() {
        String namespace = string(map(only("Namespace"), "metadata"), "name");
        for (Map<String, Object> document : documents) {
            assertThat(document).containsKeys("apiVersion", "kind");
            assertThat(map(document, "metadata")).containsKey("name");
            if (!"Namespace".equals(document.get("kind"))) {
                assertThat(map(document, "metadata").get("namespace")).as(describe(document)).isEqualTo(namespace);
            }
        }
    }

    @Test
    void kustomizationListsEveryManifestAndSetsTheDeploymentsImage() throws IOException {
        Map<String, Object> kustomization = new Yaml().load(Files.readString(MANIFESTS.resolve(KUSTOMIZATION)));
        assertThat(new TreeSet<>(strings(kustomization.get("resources")))).isEqualTo(new TreeSet<>(manifestFiles()
                .stream().map(f -> f.getFileName().toString()).toList()));
        List<Map<String, Object>> images = maps(kustomization.get("images"));
        assertThat(images).extracting(i -> i.get("name")).containsExactly(container.get("image"));
    }

    /** Payara Micro starts the WAR as the launcher does, at the root context where it serves MicroProfile Health. */
    @Test
    void payaraMicroDeploysTheWarAsTheLauncherDoesAndProbesTheHealthItServes() throws IOException {
        List<String> args = strings(container.get("args"));
        int httpPort = containerPort("http");
        assertThat(httpPort).isEqualTo(Launcher.HTTP_PORT);
        assertThat(args.subList(0, 6)).isEqualTo(PayaraMicro.deployment("/opt/payara/deployments/ROOT.war", httpPort));
        assertThat(args).doesNotContain("--nocluster");

        String health = PayaraMicro.READINESS_PATH.substring(0, PayaraMicro.READINESS_PATH.lastIndexOf('/'));
        assertThat(probe("readinessProbe")).isEqualTo(PayaraMicro.READINESS_PATH);
        assertThat(probe("livenessProbe")).isEqualTo(health + "/live");
        assertThat(probe("startupProbe")).isEqualTo(health + "/started");
        for (String kind : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(port(map(map(container, kind), "httpGet").get("port"))).as(kind).isEqualTo(httpPort);
        }
        // a probe behind the sign-in would be answered by a redirect, which Kubernetes counts as success
        assertThat(webXml()).contains("<url-pattern>" + health + "/*</url-pattern>");
        assertThat(sources(PROJECT.resolve("web/src/main/java"))).anyMatch(s -> s.contains("@Readiness"));
    }

    /** The JVM options the launcher gives Payara Micro reach the pod's JVM and the tests' one too. */
    @Test
    void theImageAndTheTestsStartTheJvmWithTheLaunchersOptions() throws IOException {
        String containerfile = Files.readString(MANIFESTS.resolve("Containerfile"));
        Matcher options = Pattern.compile("(?m)^ENV JDK_JAVA_OPTIONS=\"([^\"]*)\"$").matcher(containerfile);
        assertThat(options.find()).as("ENV JDK_JAVA_OPTIONS in the Containerfile").isTrue();
        assertThat(List.of(options.group(1).split(" "))).containsAll(PayaraMicro.JVM_OPTIONS);
        String arquillian = Files.readString(PROJECT.resolve("integration-tests/src/test/resources/arquillian.xml"));
        Matcher tests = Pattern.compile("<property name=\"cmdOptions\">([^<]*)</property>").matcher(arquillian);
        assertThat(tests.find()).isTrue();
        assertThat(List.of(tests.group(1).split(" "))).containsAll(PayaraMicro.JVM_OPTIONS);
    }

    @Test
    void theDeploymentSetsExactlyTheConfigurationTheApplicationReads() throws IOException {
        Set<String> read = new TreeSet<>();
        Set<String> code = new TreeSet<>();
        Pattern inCode = Pattern.compile("@ConfigProperty\\(name\\s*=\\s*\"([^\"]+)\"|\\$\\{MPCONFIG=([^}]+)}"
                + "|get(?:Optional)?Value\\(\"([^\"]+)\",\\s*\\w+\\.class"); // Config's, with the type it converts to
        for (Path root : List.of(PROJECT.resolve("web/src/main"), PROJECT.resolve("domain/src/main"))) {
            for (String source : sources(root)) {
                Matcher m = inCode.matcher(source);
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    code.add(environmentName(name));
                }
            }
        }
        read.addAll(code);
        for (String line : Files.readAllLines(PROJECT.resolve("web/src/main/resources/META-INF/microprofile-config.properties"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                read.add(environmentName(line.substring(0, line.indexOf('='))));
            }
        }
        Set<String> set = new TreeSet<>(maps(container.get("env")).stream().map(e -> string(e, "name")).toList());
        assertThat(read).as("read from the sources").contains("QORGAU_DB_URL", "QORGAU_OIDC_CLIENT_SECRET");
        assertThat(read).containsAll(set);
        // Each property the code asks for has an embedded default (localhost, the demo realm) or none: a cluster sets them all.
        assertThat(set).containsAll(code);
        String readme = readme();
        set.forEach(name -> assertThat(readme).as("README, Configuration").contains("| `" + name + "` |"));
    }

    @Test
    void secretsAreReferencedNeverWrittenAndTheReadmeCreatesThemFromFiles() {
        for (Map<String, Object> document : documents) {
            if ("Secret".equals(document.get("kind"))) {
                assertThat(document).doesNotContainKeys("data", "stringData");
            }
            if ("ConfigMap".equals(document.get("kind"))) {
                assertThat(map(document, "data").keySet()).noneMatch(KubernetesManifestsTest::secretLike);
            }
        }
        Map<String, Set<String>> referenced = new java.util.TreeMap<>();
        Map<String, Object> settings = only("ConfigMap");
        for (Map<String, Object> env : maps(container.get("env"))) {
            assertThat(env).as(string(env, "name")).doesNotContainKey("value").containsKey("valueFrom");
            Map<String, Object> from = map(env, "valueFrom");
            if (secretLike(string(env, "name"))) {
                Map<String, Object> ref = map(from, "secretKeyRef");
                referenced.computeIfAbsent(string(ref, "name"), k -> new TreeSet<>()).add(string(ref, "key"));
            } else {
                Map<String, Object> ref = map(from, "configMapKeyRef");
                assertThat(ref.get("name")).isEqualTo(map(settings, "metadata").get("name"));
                assertThat(map(settings, "data")).containsKey(string(ref, "key"));
            }
        }
        Matcher command = Pattern.compile("kubectl (?:-n \\S+ )?create secret generic (\\S+)((?:[^\\n]*\\\\\\n)*[^\\n]*)")
                .matcher(readme());
        Map<String, Set<String>> created = new java.util.TreeMap<>();
        while (command.find()) {
            assertThat(command.group(2)).doesNotContain("--from-literal");
            Matcher key = Pattern.compile("--from-file=([\\w-]+)=<[^>]+>").matcher(command.group(2));
            while (key.find()) {
                created.computeIfAbsent(command.group(1), k -> new TreeSet<>()).add(key.group(1));
            }
        }
        assertThat(referenced).isNotEmpty().isEqualTo(created);
    }

    @Test
    void selectorsBudgetAutoscalerAndServicesAllFindThePods() {
        Map<String, Object> labels = map(map(pod, "metadata"), "labels");
        assertThat(labels).containsAllEntriesOf(map(map(deployment, "spec"), "selector", "matchLabels"));
        Map<String, Object> budget = only("PodDisruptionBudget");
        assertThat(labels).containsAllEntriesOf(map(map(budget, "spec"), "selector", "matchLabels"));

        Map<String, Object> autoscaler = map(only("HorizontalPodAutoscaler"), "spec");
        Map<String, Object> target = map(autoscaler, "scaleTargetRef");
        assertThat(target).containsEntry("kind", "Deployment").containsEntry("apiVersion", deployment.get("apiVersion"))
                .containsEntry("name", map(deployment, "metadata").get("name"));
        assertThat((Integer) autoscaler.get("minReplicas")).isGreaterThan((Integer) map(budget, "spec").get("minAvailable"));
        assertThat(map(deployment, "spec")).doesNotContainKey("replicas");

        for (Map<String, Object> service : all("Service")) {
            assertThat(labels).containsAllEntriesOf(map(map(service, "spec"), "selector"));
            for (Map<String, Object> port : maps(map(service, "spec").get("ports"))) {
                assertThat(port(port.get("targetPort"))).isIn(containerPorts());
            }
        }
        Map<String, Object> backend = map(single(list(map(single(list(map(only("Ingress"), "spec"), "rules")),
                "http"), "paths")), "backend", "service");
        Map<String, Object> web = named("Service", string(backend, "name"));
        assertThat(maps(map(web, "spec").get("ports"))).extracting(p -> p.get("name")).contains(map(backend, "port").get("name"));
        assertThat(containerPort("http")).isEqualTo(port(single(maps(map(web, "spec").get("ports"))).get("targetPort")));
    }

    /** --clustermode kubernetes:namespace,service of Payara Micro 6: the headless Service, reachable by the pods' account. */
    @Test
    void theDataGridFindsItsMembersThroughTheHeadlessServiceWithTheRightsItNeeds() {
        List<String> args = strings(container.get("args"));
        String[] mode = args.get(args.indexOf("--clustermode") + 1).split(":", 2);
        assertThat(mode[0]).isEqualTo("kubernetes");
        String[] where = mode[1].split(",");
        assertThat(where[0]).isEqualTo(map(deployment, "metadata").get("namespace"));
        Map<String, Object> grid = map(named("Service", where[1]), "spec");
        assertThat(grid).containsEntry("clusterIP", "None").containsEntry("publishNotReadyAddresses", true);
        int startPort = Integer.parseInt(args.get(args.indexOf("--startport") + 1));
        Map<String, Object> gridPort = single(maps(grid.get("ports")));
        assertThat(gridPort.get("port")).isEqualTo(startPort);
        assertThat(port(gridPort.get("targetPort"))).isEqualTo(startPort);

        String account = string(map(pod, "spec"), "serviceAccountName");
        assertThat(named("ServiceAccount", account)).isNotNull();
        Map<String, Object> binding = only("RoleBinding");
        assertThat(maps(binding.get("subjects"))).extracting(s -> s.get("name")).contains(account);
        Map<String, Object> role = named("Role", string(map(binding, "roleRef"), "name"));
        Set<String> readable = new HashSet<>();
        for (Map<String, Object> rule : maps(role.get("rules"))) {
            if (strings(rule.get("verbs")).containsAll(List.of("get", "list"))) {
                readable.addAll(strings(rule.get("resources")));
            }
        }
        assertThat(readable).contains("endpoints", "endpointslices", "pods");
    }

    /** Until web.xml says <distributable/>, a session lives on one pod: the Ingress must keep a user there. */
    @Test
    void theIngressKeepsAUserOnHerPodWhileSessionsAreNotReplicatedAndTakesTheImportsUpload() throws IOException {
        Map<String, Object> annotations = map(map(only("Ingress"), "metadata"), "annotations");
        if (!webXml().contains("<distributable")) {
            assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie");
        }
        Matcher request = Pattern.compile("<max-request-size>(\\d+)</max-request-size>").matcher(webXml());
        assertThat(request.find()).isTrue();
        String body = string(annotations, "nginx.ingress.kubernetes.io/proxy-body-size");
        assertThat(body).endsWith("m");
        assertThat(Long.parseLong(body.substring(0, body.length() - 1)) * 1024 * 1024)
                .isGreaterThanOrEqualTo(Long.parseLong(request.group(1)));
    }

    private static boolean secretLike(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("password") || n.contains("secret") || n.contains("key");
    }

    /** MicroProfile Config's environment name of a property: every other character than a letter or digit is "_". */
    private static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private String probe(String kind) {
        return string(map(map(container, kind), "httpGet"), "path");
    }

    private int port(Object portOrName) {
        return portOrName instanceof Integer number ? number : containerPort((String) portOrName);
    }

    private int containerPort(String name) {
        return maps(container.get("ports")).stream().filter(p -> name.equals(p.get("name")))
                .map(p -> (Integer) p.get("containerPort")).findFirst()
                .orElseThrow(() -> new AssertionError("no container port " + name));
    }

    private List<Integer> containerPorts() {
        return maps(container.get("ports")).stream().map(p -> (Integer) p.get("containerPort")).toList();
    }

    private Map<String, Object> only(String kind) {
        List<Map<String, Object>> found = all(kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private List<Map<String, Object>> all(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private Map<String, Object> named(String kind, String name) {
        return all(kind).stream().filter(d -> name.equals(map(d, "metadata").get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static String describe(Map<String, Object> document) {
        return document.get("kind") + " " + map(document, "metadata").get("name");
    }

    private static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith(KUSTOMIZATION)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> documents() {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Path file : manifestFiles()) {
            try {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    assertThat(document).as(file.toString()).isInstanceOf(Map.class);
                    documents.add(cast(document));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(documents).isNotEmpty();
        return documents;
    }

    private static List<String> sources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".xml"))
                    .map(KubernetesManifestsTest::read).collect(Collectors.toList());
        }
    }

    private static String webXml() {
        return read(PROJECT.resolve("web/src/main/webapp/WEB-INF/web.xml"));
    }

    private static String readme() {
        return read(PROJECT.resolve("README.md"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    private static Map<String, Object> map(Map<String, Object> from, String... path) {
        Map<String, Object> at = from;
        for (String key : path) {
            assertThat(at).as("has " + key).containsKey(key);
            at = cast(at.get(key));
        }
        return at;
    }

    private static List<Object> list(Map<String, Object> from, String key) {
        assertThat(from).containsKey(key);
        return cast(from.get(key));
    }

    private static List<Map<String, Object>> maps(Object list) {
        return cast(list);
    }

    private static List<String> strings(Object list) {
        return cast(list);
    }

    private static String string(Map<String, Object> from, String key) {
        assertThat(from).containsKey(key);
        return (String) from.get(key);
    }

    private static Map<String, Object> single(List<?> list) {
        assertThat(list).hasSize(1);
        return cast(list.get(0));
    }
}
