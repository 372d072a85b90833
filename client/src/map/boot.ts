/**
 * Starts Phaser 4 (WebGL, falling back to Canvas) with the map scene filling its parent element.
 * Loaded on demand by main.ts, so the lobby appears before Phaser has downloaded. The scene joins the
 * page's `window.atlas` measurement hook (tests and `npm run bench:client` read where regions are on
 * screen and how many frames the map drew).
 */
import Phaser from "phaser";
import { MapScene, type MapHooks } from "./MapScene.ts";

export function bootMap(parent: HTMLElement, hooks: MapHooks): MapScene {
  const scene = new MapScene(hooks);
  new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: "#08131f",
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth, height: parent.clientHeight },
    render: { antialias: true },
    banner: false,
    scene,
  });
  const atlas = (window as unknown as { atlas?: Record<string, unknown> }).atlas;
  if (atlas) atlas.mapScene = scene;
  return scene;
}
