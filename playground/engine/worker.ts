/**
 * The playground's Web Worker: the workbook (HyperFormula with the SegmentKit functions), file import and export,
 * and the side panel's plans run here, so the page's main thread only draws (engine/remote-workbook.ts talks to it).
 */
import { serveEngine } from './engine-service.js';
import type { Port } from './protocol.js';

serveEngine(self as unknown as Port);
