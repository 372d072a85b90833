/**
 * PUBLIC_URL decides the join link (issue #15 §2): a teacher who opens the game on the server's own
 * machine (http://127.0.0.1) still hands students the configured public address, in the projector's
 * link and in its QR code, never the loopback address the teacher's browser used.
 */
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, shot, SLOW_MS } from "./helpers/browser.ts";
import { createGame } from "./helpers/flows.ts";

const PORT = 2967;
const PUBLIC_URL = "https://atlas.school.example/class/";

describe.skipIf(!CHROMIUM)(
  "the join link on a server with PUBLIC_URL (Chromium)",
  { timeout: 180_000 },
  () => {
    const suite = browserSuite(PORT, "canvas", { PUBLIC_URL });

    it("a teacher on localhost gets a link and a QR code to PUBLIC_URL", async () => {
      const teacher = await suite.open({ name: "Ms Chen", lang: "en" });
      expect(new URL(teacher.page.url()).hostname).toBe("127.0.0.1");
      const code = await createGame(teacher, { scenario: "halving-2020", seats: 4, mode: "classroom" });
      const projector = await suite.open({
        name: "Projector",
        lang: "en",
        viewport: { width: 1600, height: 900 },
      });
      await projector.page.goto(`/?projector=${code}`);
      const shown = projector.page.locator(".proj-link[data-source=configured]");
      const link = (await (await see(projector, shown, "the join link from PUBLIC_URL")).innerText()).trim();
      expect(link).toBe(`${PUBLIC_URL}?code=${code}`);
      // The QR code carries the same link: the projector draws it from the server's answer too.
      const qr = QRCode.create(link, { errorCorrectionLevel: "M" });
      const size = qr.modules.size;
      const want = Array.from({ length: size * size }, (_, i) => qr.modules.data[i] === 1);
      const drawn = () =>
        projector.page.evaluate((n) => {
          const canvas = document.querySelector<HTMLCanvasElement>(".proj-join canvas.qr");
          const ctx = canvas?.getContext("2d");
          if (!canvas || !ctx) return [];
          const scale = canvas.width / (n + 2); // a margin of one module, as projector.ts draws it
          const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          return Array.from({ length: n * n }, (_, i) => {
            const x = Math.floor(((i % n) + 1.5) * scale);
            const y = Math.floor((Math.floor(i / n) + 1.5) * scale);
            return (px[(y * canvas.width + x) * 4] ?? 255) < 128;
          });
        }, size);
      await expect.poll(drawn, { timeout: SLOW_MS, message: "the projector's QR code" }).toEqual(want);
      await shot(projector, "deploy-public-url-projector");
      expect(teacher.errors).toEqual([]);
    });
  },
);
