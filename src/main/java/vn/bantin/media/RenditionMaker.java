package vn.bantin.media;

import vn.bantin.domain.AssetKind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The ffmpeg commands behind every rendition and preview. Each writes into a caller-given work directory;
 * the caller moves a finished file into the store. Blocking: run on a job thread.
 *
 * <p>Screens: fitted inside the profile's frame and letterboxed/pillarboxed on black, never stretched or
 * cropped, with square pixels (so an LED board's 3:1 is exactly 3:1); H.264 High@4.1 yuv420p at ≤ 30 fps,
 * which the Raspberry Pi 4's hardware decoder plays; sound normalised like bulletins ({@link AudioLevels}), or
 * none at all for a profile of silent boards. Speakers: mono, normalised to −16 LUFS, then MP3
 * (see {@link #SPEECH_BITRATE}). What a rendition's sound measures is measured on the delivered file.
 */
public final class RenditionMaker {

    /** The default loudness target (RenditionSettings may set another). */
    public static final double TARGET_LUFS = AudioLevels.TARGET_LUFS;
    /**
     * MP3 at 64 kb/s mono, 44.1 kHz: about 0.5 MB per minute, a 15-minute bulletin is 7 MB over a 3G SIM,
     * and every amplifier box, IP horn and phone decodes MP3. Opus at 32 kb/s would halve that, but MP3 is
     * what third-party loudspeaker gear accepts, and the speech is already clear at 64 kb/s mono.
     */
    public static final String SPEECH_BITRATE = "64k";
    static final int MAX_FPS = 30;
    private static final int PREVIEW_WIDTH = 320;
    /** How far speech may land from −16 LUFS on the cheap limiter fit before the limited signal is measured. */
    private static final double SPEECH_TOLERANCE_LU = 0.5;
    /** Video re-encodes only when its sound missed by more than this (an encode costs far more than audio). */
    private static final double VIDEO_TOLERANCE_LU = 1.0;

    private final Path binDir;
    private final RenditionSettings settings;
    private final FfmpegCommand ffmpeg;
    private final AudioLevels levels;

    public RenditionMaker() {
        this(null, 0, RenditionSettings.DEFAULTS);
    }

    public RenditionMaker(RenditionSettings settings) {
        this(null, 0, settings);
    }

    /**
     * ffmpeg from binDir (null: the PATH); niceness above 0 runs every ffmpeg at that lower CPU priority;
     * settings: loudness target and per-profile sound.
     */
    public RenditionMaker(Path binDir, int niceness, RenditionSettings settings) {
        this.binDir = binDir;
        this.settings = settings;
        this.ffmpeg = new FfmpegCommand(binDir == null ? Path.of("ffmpeg") : binDir.resolve("ffmpeg"), niceness);
        this.levels = new AudioLevels(ffmpeg, settings.targetLufs());
    }

    /** The same maker with every ffmpeg at this lower CPU priority. */
    public RenditionMaker niced(int niceness) {
        return new RenditionMaker(binDir, niceness, settings);
    }

    /** The recipe {@link #rendition} follows for this profile now: what a stored rendition records. */
    public RenditionRecipe recipe(MediaProfile profile) {
        return settings.recipe(profile);
    }

    /**
     * A file made in the work directory, not yet stored. loudness is the source's, delivered what the made file's
     * sound measures (both null for pictures and for video without sound).
     */
    public record Made(Path file, Loudness loudness, Loudness delivered) {
    }

    public Made rendition(Path source, ProbeResult src, MediaProfile profile, Path workDir, IntConsumer percent)
            throws RenditionFailed {
        if (profile == MediaProfile.SPEAKER_SPEECH) {
            return speech(source, src, workDir, percent);
        }
        if (src.kind() == AssetKind.IMAGE) {
            return new Made(picture(source, profile, workDir, percent), null, null);
        }
        return video(source, src, profile, workDir, percent);
    }

    /** The programme's loudness as it is (speaker layout: mono). */
    public Loudness measure(Path source, long durationMs, IntConsumer percent) throws RenditionFailed {
        return levels.measure(source, AudioLevels.Layout.MONO, "", durationMs, percent);
    }

    /** The kind of file {@link #rendition} makes from a source of this kind for this profile. */
    public static AssetKind outputKind(AssetKind source, MediaProfile profile) {
        if (profile == MediaProfile.SPEAKER_SPEECH) {
            return AssetKind.AUDIO;
        }
        return source == AssetKind.IMAGE ? AssetKind.IMAGE : AssetKind.VIDEO;
    }

    /** A thumbnail (video, picture) or waveform picture (audio), PNG, 320 px wide. */
    public Path preview(Path source, ProbeResult src, Path workDir) throws RenditionFailed {
        Path out = workDir.resolve("preview.png");
        List<String> args = new ArrayList<>();
        if (src.kind() == AssetKind.AUDIO) {
            args.addAll(List.of("-v", "error", "-i", source.toString(), "-filter_complex",
                    "aformat=channel_layouts=mono,showwavespic=s=640x120:colors=0x1f6feb", "-frames:v", "1"));
        } else {
            if (src.kind() == AssetKind.VIDEO) {
                args.addAll(List.of("-ss", seconds(Math.min(1000, src.durationMs() / 2))));
            }
            args.addAll(List.of("-v", "error", "-i", source.toString(), "-map", "0:v:0", "-frames:v", "1",
                    "-vf", "scale=" + PREVIEW_WIDTH + ":-2"));
        }
        args.add(out.toString());
        ffmpeg.run(args, 0, p -> { }, Duration.ofMinutes(2));
        return out;
    }

    /**
     * Speech: the planned filter (see {@link AudioLevels#plan}) into MP3, then the delivered file measured; if
     * the cheap limiter fit missed −16 LUFS by more than {@link #SPEECH_TOLERANCE_LU} or let the peak over, the
     * limited signal is measured in full and the MP3 made again.
     */
    private Made speech(Path source, ProbeResult src, Path workDir, IntConsumer progress) throws RenditionFailed {
        IntConsumer percent = monotonic(progress);
        long ms = src.durationMs();
        AudioLevels.Plan plan = levels.plan(source, AudioLevels.Layout.MONO, ms, p -> percent.accept(p * 40 / 100));
        Path out = workDir.resolve("speech.mp3");
        encodeSpeech(source, out, plan, ms, p -> percent.accept(40 + p * 50 / 100));
        Loudness delivered = levels.delivered(out, ms);
        if (plan.fittedLimitDb() != null && !levels.onTarget(delivered, SPEECH_TOLERANCE_LU)) {
            plan = levels.exact(source, AudioLevels.Layout.MONO, plan, ms);
            encodeSpeech(source, out, plan, ms, p -> percent.accept(90 + p / 10));
            delivered = levels.delivered(out, ms);
        }
        return new Made(out, plan.source(), delivered);
    }

    private void encodeSpeech(Path source, Path out, AudioLevels.Plan plan, long ms, IntConsumer percent)
            throws RenditionFailed {
        ffmpeg.run(List.of("-v", "error", "-i", source.toString(), "-map", "0:a:0", "-af",
                plan.filter() + ",aresample=44100", "-ac", "1", "-c:a", "libmp3lame", "-b:a", SPEECH_BITRATE,
                "-map_metadata", "-1", "-write_xing", "1", out.toString()), ms, percent, timeout(ms));
    }

    private static IntConsumer monotonic(IntConsumer percent) {
        int[] last = {-1};
        return p -> {
            if (p > last[0]) {
                last[0] = p;
                percent.accept(p);
            }
        };
    }

    /**
     * Video fitted into the frame with square pixels; its sound normalised like speech (stereo) unless the
     * profile is for silent boards, or the source has none. The delivered file's sound is measured; a cheap
     * limiter fit that missed by more than {@link #VIDEO_TOLERANCE_LU} is measured exactly and encoded again.
     */
    private Made video(Path source, ProbeResult src, MediaProfile profile, Path workDir, IntConsumer progress)
            throws RenditionFailed {
        IntConsumer percent = monotonic(progress);
        long ms = src.durationMs();
        Path out = workDir.resolve("video.mp4");
        if (!settings.sound(profile) || src.audioCodec() == null) {
            encodeVideo(source, out, profile, null, ms, percent);
            return new Made(out, null, null);
        }
        AudioLevels.Plan plan = levels.plan(source, AudioLevels.Layout.STEREO, ms, p -> percent.accept(p / 10));
        encodeVideo(source, out, profile, plan, ms, p -> percent.accept(10 + p * 85 / 100));
        Loudness delivered = levels.delivered(out, ms);
        if (plan.fittedLimitDb() != null && !levels.onTarget(delivered, VIDEO_TOLERANCE_LU)) {
            plan = levels.exact(source, AudioLevels.Layout.STEREO, plan, ms);
            encodeVideo(source, out, profile, plan, ms, p -> { });
            delivered = levels.delivered(out, ms);
        }
        percent.accept(100);
        return new Made(out, plan.source(), delivered);
    }

    /** plan null: no sound in the rendition. */
    private void encodeVideo(Path source, Path out, MediaProfile profile, AudioLevels.Plan plan, long ms,
                             IntConsumer percent) throws RenditionFailed {
        int w = profile.width();
        int h = profile.height();
        String vf = "scale=trunc(iw*sar/2)*2:ih,setsar=1,scale=" + w + ":" + h
                + ":force_original_aspect_ratio=decrease:force_divisible_by=2,pad=" + w + ":" + h
                + ":(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=" + OUTPUT_FPS + ",format=yuv420p";
        List<String> args = new ArrayList<>(List.of("-v", "error", "-i", source.toString(), "-map", "0:v:0",
                "-vf", vf, "-c:v", "libx264", "-preset", "veryfast", "-crf", "23",
                "-profile:v", "high", "-level:v", "4.1", "-maxrate", "8M", "-bufsize", "16M"));
        if (plan == null) {
            args.add("-an");
        } else {
            args.addAll(List.of("-map", "0:a:0", "-af", plan.filter() + ",aresample=48000", "-c:a", "aac",
                    "-b:a", "128k", "-ac", "2", "-ar", "48000"));
        }
        args.addAll(List.of("-map_metadata", "-1", "-movflags", "+faststart", out.toString()));
        ffmpeg.run(args, ms, percent, timeout(ms));
    }

    /** Pictures fitted on a black frame; transparency is laid over black, as an LED panel shows it. */
    private Path picture(Path source, MediaProfile profile, Path workDir, IntConsumer percent)
            throws RenditionFailed {
        Path out = workDir.resolve("picture.png");
        int w = profile.width();
        int h = profile.height();
        String graph = "color=c=black:s=" + w + "x" + h + ":d=1[bg];[0:v:0]scale=" + w + ":" + h
                + ":force_original_aspect_ratio=decrease,setsar=1[fg];[bg][fg]overlay=(W-w)/2:(H-h)/2:format=auto,"
                + "setsar=1,format=rgb24";
        ffmpeg.run(List.of("-v", "error", "-i", source.toString(), "-filter_complex", graph, "-frames:v", "1",
                out.toString()), 0, percent, Duration.ofMinutes(2));
        return out;
    }

    /**
     * The source's rate if the Pi can take it; 50/60 fps halves to 25/30; anything else above 30 becomes 30;
     * 25 when the source has no rate. Worked out by the fps filter from the rate ffmpeg itself found for the
     * input (source_fps), so no separate ffprobe runs before the encode.
     */
    static final String OUTPUT_FPS = ("if(gt(source_fps\\,0)\\,if(lte(source_fps\\,MAX+0.01)\\,source_fps\\,"
            + "if(lte(source_fps/2\\,MAX+0.01)\\,source_fps/2\\,MAX))\\,25)").replace("MAX", String.valueOf(MAX_FPS));

    /**
     * A job's time budget, proportional to what it renders: five minutes plus four times real time (a 1080p
     * encode here runs at several times real time). Past it ffmpeg is killed and the job fails in words.
     */
    private static Duration timeout(long durationMs) {
        return Duration.ofMinutes(5).plusMillis(durationMs * 4);
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
