package io.vscanpoc.cli.console;

/**
 * Whether the console gets ANSI colours. Only a real terminal does: output to a file or a pipe
 * carries no control codes, and {@code --no-color} or the {@code NO_COLOR} convention turn them
 * off everywhere.
 */
public record ConsoleStyle(boolean color) {

    public static final ConsoleStyle PLAIN = new ConsoleStyle(false);

    public static ConsoleStyle detect(boolean noColorFlag) {
        var console = System.console();
        boolean terminal = console != null && console.isTerminal();
        boolean allowed = !noColorFlag && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        return new ConsoleStyle(terminal && allowed);
    }

    public String green(String text) {
        return wrap("32", text);
    }

    public String red(String text) {
        return wrap("31", text);
    }

    public String yellow(String text) {
        return wrap("33", text);
    }

    public String bold(String text) {
        return wrap("1", text);
    }

    private String wrap(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
