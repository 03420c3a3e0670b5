// Loaded only when someone opens the map (Leaflet and its stylesheet are a chunk of their own).
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { centre, convexHull, gridLines, gridStep, padded, type LatLng } from './geometry';

export interface MapSettings {
  tileUrl: string | null;
  attribution: string | null;
  maxZoom: number;
}

export interface MapPoint {
  id: number;
  name: string;
  kind: 'SCREEN' | 'SPEAKER';
  look: 'ok' | 'bad' | 'warn' | 'idle';
  at: LatLng;
  group: string | null;
  /** Plain-text lines for the popup (status, now playing). */
  lines: string[];
}

export interface MapWords {
  open: string;
  /** A grid line's label: "21,050° B" / "107,100° Đ". */
  lat: (degrees: number) => string;
  lng: (degrees: number) => string;
}

const VIETNAM: LatLng = [16.0, 106.0];
/** Room a grid label needs: "107,082° Đ" across, one line of text down. */
const LNG_LABEL_PX = 78;
const LAT_LABEL_PX = 22;

/** Leaflet writes the attribution as HTML; the configured credit is text. */
function escaped(text: string): string {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}
const OUTLINE_MARGIN_DEG = 0.004;

/**
 * Endpoints as markers on a map. With a tile server configured the tiles are the background; without one
 * (a closed network) a plain background with a coordinate grid, and around each commune's endpoints an
 * outline, so the view still says where things are.
 */
export class EndpointMapView {
  private readonly map: L.Map;
  private readonly markers = new Map<number, L.Marker>();
  private readonly outlines = L.layerGroup();
  private readonly grid = L.layerGroup();
  private fitted = false;

  constructor(el: HTMLElement, settings: MapSettings, private readonly words: MapWords,
              private readonly open: (id: number) => void, onTilesFailed: () => void) {
    this.map = L.map(el, { center: VIETNAM, zoom: 5, maxZoom: settings.maxZoom, attributionControl: true });
    this.map.attributionControl.setPrefix('Leaflet');
    this.outlines.addTo(this.map);
    if (settings.tileUrl) {
      let failures = 0;
      L.tileLayer(settings.tileUrl, { maxZoom: settings.maxZoom, attribution: escaped(settings.attribution ?? '') })
        .on('tileerror', () => (++failures === 4 ? (this.showGrid(), onTilesFailed()) : undefined))
        .addTo(this.map);
    } else {
      this.showGrid();
    }
  }

  update(points: readonly MapPoint[]): void {
    const seen = new Set<number>();
    for (const p of points) {
      seen.add(p.id);
      const icon = L.divIcon({ className: `map-pin ${p.kind.toLowerCase()} ${p.look}`, iconSize: [22, 22] });
      const known = this.markers.get(p.id);
      if (known) {
        known.setLatLng(p.at).setIcon(icon).setPopupContent(this.popup(p));
      } else {
        const m = L.marker(p.at, { icon, title: p.name, keyboard: true, alt: p.name })
          .bindPopup(this.popup(p)).addTo(this.map);
        m.getElement()?.setAttribute('data-endpoint', String(p.id));
        this.markers.set(p.id, m);
      }
    }
    for (const [id, m] of this.markers) {
      if (!seen.has(id)) {
        m.remove();
        this.markers.delete(id);
      }
    }
    this.drawOutlines(points);
    if (!this.fitted && points.length) {
      this.fitted = true;
      this.map.fitBounds(L.latLngBounds(points.map((p) => p.at)).pad(0.2), { maxZoom: 15 });
    }
  }

  destroy(): void {
    this.map.remove();
  }

  /** Popups are built from text nodes, never HTML: names come from people and devices. */
  private popup(p: MapPoint): HTMLElement {
    const box = document.createElement('div');
    const title = document.createElement('strong');
    title.textContent = p.name;
    box.append(title);
    for (const line of p.lines) {
      const div = document.createElement('div');
      div.textContent = line;
      box.append(div);
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'map-open';
    button.textContent = this.words.open;
    button.addEventListener('click', () => this.open(p.id));
    box.append(button);
    return box;
  }

  private drawOutlines(points: readonly MapPoint[]): void {
    this.outlines.clearLayers();
    const groups = new Map<string, LatLng[]>();
    for (const p of points) {
      if (p.group) groups.set(p.group, [...(groups.get(p.group) ?? []), p.at]);
    }
    for (const [name, at] of groups) {
      const hull = convexHull(at);
      const shape = hull.length >= 3
        ? L.polygon(padded(hull, OUTLINE_MARGIN_DEG), { className: 'map-outline', weight: 2, fillOpacity: 0.06 })
        : L.circle(centre(at), { radius: 400, className: 'map-outline', weight: 2, fillOpacity: 0.06 });
      this.outlines.addLayer(shape);
      const label = document.createElement('span');
      label.textContent = name;
      const top = L.latLng(Math.max(...at.map((p) => p[0])) + OUTLINE_MARGIN_DEG, centre(at)[1]);
      this.outlines.addLayer(L.tooltip({ permanent: true, direction: 'top', className: 'map-area-label', offset: [0, -4] })
        .setLatLng(top).setContent(label));
    }
  }

  private showGrid(): void {
    this.map.getContainer().classList.add('no-tiles');
    this.grid.addTo(this.map);
    const draw = () => {
      this.grid.clearLayers();
      const b = this.map.getBounds();
      const inner = b.pad(-0.04);
      const step = gridStep(Math.min(b.getNorth() - b.getSouth(), b.getEast() - b.getWest()));
      const style = { className: 'map-grid', weight: 1, interactive: false };
      const latEvery = this.labelEvery(step, 'lat');
      const lngEvery = this.labelEvery(step, 'lng');
      for (const lat of gridLines(b.getSouth(), b.getNorth(), step)) {
        this.grid.addLayer(L.polyline([[lat, b.getWest()], [lat, b.getEast()]], style));
        if (Math.round(lat / step) % latEvery === 0) {
          this.grid.addLayer(this.gridLabel([lat, inner.getEast()], this.words.lat(lat), 'lat'));
        }
      }
      for (const lng of gridLines(b.getWest(), b.getEast(), step)) {
        this.grid.addLayer(L.polyline([[b.getSouth(), lng], [b.getNorth(), lng]], style));
        if (Math.round(lng / step) % lngEvery === 0) {
          this.grid.addLayer(this.gridLabel([inner.getSouth(), lng], this.words.lng(lng), 'lng'));
        }
      }
    };
    this.map.on('moveend zoomend resize', draw);
    draw();
  }

  /** Every how many grid lines a label fits without touching the next one (a phone is narrow). */
  private labelEvery(step: number, side: 'lat' | 'lng'): number {
    const c = this.map.getCenter();
    const a = this.map.latLngToContainerPoint(c);
    const next = this.map.latLngToContainerPoint(side === 'lat' ? [c.lat + step, c.lng] : [c.lat, c.lng + step]);
    const apart = Math.max(1, Math.abs(side === 'lat' ? next.y - a.y : next.x - a.x));
    return Math.max(1, Math.ceil((side === 'lat' ? LAT_LABEL_PX : LNG_LABEL_PX) / apart));
  }

  /** A latitude label ends at the right edge, a longitude label sits on the bottom edge. */
  private gridLabel(at: LatLng, text: string, side: 'lat' | 'lng'): L.Marker {
    const icon = L.divIcon({ className: `map-grid-label ${side}`, html: '', iconSize: [0, 0] });
    const m = L.marker(at, { icon, interactive: false, keyboard: false });
    m.on('add', () => {
      const span = document.createElement('span');
      span.textContent = text;
      m.getElement()?.replaceChildren(span);
    });
    return m;
  }
}
