package dev.newswire.cli.chaos;

/** The suite's background threads: daemons, so that none keeps the CLI alive. */
final class Daemons {

    private Daemons() {
    }

    static Thread start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
