package vn.bantin.app.live;

import java.util.LinkedHashMap;
import java.util.Map;

/** An event's facts in the order given; unlike Map.of, a value may be null (the UI shows "none"). */
final class Facts {

    private Facts() {
    }

    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
