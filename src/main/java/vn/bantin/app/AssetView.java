package vn.bantin.app;

import vn.bantin.store.AssetMedia;
import vn.bantin.store.MediaJob;
import vn.bantin.store.Rendition;
import vn.bantin.store.StoredAsset;

import java.util.List;

/** An asset as staff see it: probed facts, processing state and measured loudness, renditions, jobs. */
public record AssetView(StoredAsset stored, AssetMedia media, List<Rendition> renditions, List<MediaJob> jobs) {
}
