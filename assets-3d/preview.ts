/**
 * Renders GLB files to PNG in headless Chromium, for an author to look at a model without the app.
 *   npx tsx assets-3d/preview.ts content/products/<id>/models/<variant>.glb [more.glb] [--out=/tmp/preview]
 * Writes <out>/<name>.png: front, three-quarter, side and top views side by side.
 */
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { basename, join, resolve, extname } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const types: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.glb': 'model/gltf-binary' };

const page = `<!doctype html><html><body style="margin:0;background:#ddd">
<script type="importmap">{"imports":{"three":"/node_modules/three/build/three.module.js","three/addons/":"/node_modules/three/examples/jsm/"}}</script>
<script type="module">
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/addons/libs/meshopt_decoder.module.js';
import { RoomEnvironment } from 'three/addons/environments/RoomEnvironment.js';
window.render = async (url) => {
  const W = 480, H = 480;
  const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  renderer.setSize(W * 4, H); document.body.innerHTML = ''; document.body.appendChild(renderer.domElement);
  const scene = new THREE.Scene(); scene.background = new THREE.Color('#e8e8e8');
  scene.environment = new THREE.PMREMGenerator(renderer).fromScene(new RoomEnvironment()).texture;
  scene.add(new THREE.DirectionalLight('#fff', 1.5).translateZ(3).translateY(3));
  const gltf = await new GLTFLoader().setMeshoptDecoder(MeshoptDecoder).loadAsync(url);
  scene.add(gltf.scene);
  const box = new THREE.Box3().setFromObject(gltf.scene); const c = box.getCenter(new THREE.Vector3());
  const r = box.getSize(new THREE.Vector3()).length() * 0.62;
  const cam = new THREE.PerspectiveCamera(35, 1, r / 100, r * 100);
  renderer.setScissorTest(true);
  [[0, 0, 1], [1, 0.5, 1], [1, 0, 0], [0, 1, 0.01]].forEach((d, i) => {
    const v = new THREE.Vector3(...d).normalize().multiplyScalar(r / Math.tan(THREE.MathUtils.degToRad(17.5)));
    cam.position.copy(c).add(v); cam.lookAt(c);
    renderer.setViewport(i * W, 0, W, H); renderer.setScissor(i * W, 0, W, H); renderer.render(scene, cam);
  });
  let tris = 0, calls = 0; gltf.scene.traverse((o) => { if (o.isMesh) { calls++; tris += (o.geometry.index ? o.geometry.index.count : o.geometry.attributes.position.count) / 3; } });
  return { tris, calls, size: box.getSize(new THREE.Vector3()).toArray() };
};
window.ready = true;
</script></body></html>`;

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? '/tmp/preview';
await mkdir(out, { recursive: true });
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  try {
    const body = await readFile(path.startsWith('/@fs/') ? path.slice(4) : join(root, path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
const tab = await browser.newPage({ viewport: { width: 1920, height: 480 } });
tab.on('pageerror', (e) => console.error('page error:', e.message));
await tab.goto(`http://127.0.0.1:${port}/`);
await tab.waitForFunction('window.ready === true');
for (const file of files) {
  const rel = '/@fs' + resolve(file);
  const info = await tab.evaluate((u) => (window as unknown as { render: (u: string) => Promise<unknown> }).render(u), rel);
  const png = join(out, basename(file, '.glb') + '.png');
  await tab.locator('canvas').screenshot({ path: png });
  console.log(png, JSON.stringify(info));
}
await browser.close();
server.close();
