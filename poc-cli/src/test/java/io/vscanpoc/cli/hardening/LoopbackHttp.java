package io.vscanpoc.cli.hardening;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** Starts the test servers of this package: 127.0.0.1, a free port, a virtual thread per exchange. */
final class LoopbackHttp {

    private LoopbackHttp() {}

    static HttpServer start(HttpHandler handler) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", handler);
        server.start();
        return server;
    }

    static String apiUrl(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/extensions";
    }
}
