package io.vscanpoc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unknown IDs and extensions are 404, bad bodies 400, wrong methods 405, early results 409. */
class ErrorAnswersTest {

    private static VscanSimulator sim;
    private static SimHttp http;

    @BeforeAll
    static void start() {
        sim = VscanSimulator.start(SimulatorProfile.IDEAL.builder()
                .latency(Duration.ZERO)
                .unknownExtensions(Set.of("Gone.Extension"))
                .onDemandIds(Set.of("slow.one"))
                .build());
        http = new SimHttp(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void unknownAnalysisIdIs404() {
        String id = UUID.randomUUID().toString();
        var status = http.status(id);
        assertEquals(404, status.statusCode());
        assertTrue(SimHttp.json(status).get("error").isString());
        assertEquals(404, http.results(id).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/status/not-a-uuid", "/status/", "/status", "/results/1-2-3-4-5",
            "/status/" + "00000000-0000-4000-8000-000000000000/extra", "/analyze/", "/nothing", "/"})
    void malformedPathsAre404(String path) {
        assertEquals(404, http.get(path).statusCode(), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-publisher.python", "ms-python.no-such-extension", "NO-SUCH-x.y",
            "gone.extension"})
    void unknownExtensionsAre404OnAnalyze(String id) {
        int dot = id.indexOf('.');
        var response = http.analyze(id.substring(0, dot), id.substring(dot + 1));
        assertEquals(404, response.statusCode());
        assertTrue(SimHttp.json(response).get("message").stringValue().contains("not found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "", "[]", "\"text\"", "{\"publisher\":\"a\"}", "{\"publisher\":\"a\",\"name\":3}",
            "{\"publisher\":\" \",\"name\":\"x\"}"})
    void badAnalyzeBodiesAre400(String body) {
        var response = http.post("/analyze", body);
        assertEquals(400, response.statusCode(), body);
        assertTrue(SimHttp.json(response).get("error").isString());
    }

    @Test
    void oversizeRequestBodyIs413() {
        String name = "x".repeat(70 * 1024);
        assertEquals(413, http.analyze("pub", name).statusCode());
    }

    @Test
    void wrongMethodsAre405WithAllow() {
        var get = http.get("/analyze");
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
        String id = http.submit("ms-python.python");
        var post = http.post("/status/" + id, "{}");
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());
        var delete = http.send(http.request("/results/" + id).method("DELETE", HttpRequest.BodyPublishers.noBody())
                .build());
        assertEquals(405, delete.statusCode());
    }

    @Test
    void resultsOfAnUnfinishedAnalysisAre409() {
        String id = http.submit("slow.one");
        var response = http.results(id);
        assertEquals(409, response.statusCode());
        assertTrue(SimHttp.json(response).get("message").stringValue().contains("pending"));
    }
}
