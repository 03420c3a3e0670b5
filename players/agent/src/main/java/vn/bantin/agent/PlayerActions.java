package vn.bantin.agent;

import java.io.IOException;
import java.nio.file.Path;
import vn.bantin.agent.command.Actions;
import vn.bantin.agent.playback.MasterVolume;
import vn.bantin.agent.playback.Player;
import vn.bantin.agent.sync.Heartbeat;
import vn.bantin.agent.sync.SyncService;

/** Remote commands carried out by the player, the master volume, the sync and heartbeat threads. */
final class PlayerActions implements Actions {

    private final Player player;
    private final MasterVolume volume;
    private final SyncService sync;
    private final Heartbeat heartbeat;
    private final boolean screen;

    PlayerActions(Player player, MasterVolume volume, SyncService sync, Heartbeat heartbeat, boolean screen) {
        this.player = player;
        this.volume = volume;
        this.sync = sync;
        this.heartbeat = heartbeat;
        this.screen = screen;
    }

    @Override
    public void masterVolume(int percent) throws IOException {
        volume.set(percent);
        player.volumeChanged();
    }

    @Override
    public void restartPlayback(String reason) {
        player.restartPlayback(reason);
    }

    @Override
    public void resync() {
        sync.requestPull();
        heartbeat.now();
    }

    @Override
    public void screenshot(Path target) throws IOException {
        player.screenshot(target);
    }

    @Override
    public boolean hasScreen() {
        return screen;
    }
}
