/**
 * @module Reads a V8 `.cpuprofile` (what `--api-cpu-prof` writes) as tables: where the time went by function
 * (self), by function and everything it called (inclusive, each sample counted once per function however deep the
 * recursion), and by **own** function: each sample charged to the nearest frame of this repository's `apps/` or
 * `packages/`, so a library or runtime call counts against the own code that made it. A time window keeps only
 * the seconds under load (the profile covers boot too). Idle samples are left out of every share.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  /** Microseconds since the previous sample (the first: since the profile started). */
  timeDeltas: number[];
}

export interface SummaryRow {
  name: string;
  ms: number;
  /** Share of the busy (non-idle) time in the window. */
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  /** Busy milliseconds in each second of the profile, to choose a window. */
  busyBySecond: number[];
  self: SummaryRow[];
  inclusive: SummaryRow[];
  own: SummaryRow[];
}

export interface SummaryOptions {
  /** Seconds since the profile started; samples outside [from, to] are left out. */
  fromSeconds?: number;
  toSeconds?: number;
}

const OWN_CODE = /\/(apps|packages)\/(?!.*\/node_modules\/)/;
const IDLE = '(idle)';

export function summariseCpuProfile(profile: CpuProfile, options: SummaryOptions = {}): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const from = (options.fromSeconds ?? 0) * 1000;
  const to = (options.toSeconds ?? Number.POSITIVE_INFINITY) * 1000;

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const own = new Map<string, number>();
  const busyBySecond: number[] = [];
  let busyMs = 0;
  let at = 0;
  for (let index = 0; index < profile.samples.length; index++) {
    at += (profile.timeDeltas[index] ?? 0) / 1000;
    // A sample stands for the time until the next one.
    const ms = (profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0) / 1000;
    const stack = stackOf(profile.samples[index] as number, byId, parentOf);
    const leaf = stack[0];
    if (leaf === undefined || leaf.callFrame.functionName === IDLE) continue;
    const second = Math.floor(at / 1000);
    busyBySecond[second] = (busyBySecond[second] ?? 0) + ms;
    if (at < from || at > to) continue;
    busyMs += ms;
    add(self, nameOf(leaf), ms);
    for (const name of new Set(stack.map(nameOf))) add(inclusive, name, ms);
    add(own, ownerOf(stack), ms);
  }
  const rows = (map: Map<string, number>) =>
    [...map]
      .map(([name, ms]) => ({ name, ms, share: busyMs === 0 ? 0 : ms / busyMs }))
      .sort((a, b) => b.ms - a.ms);
  return {
    busyMs,
    busyBySecond: Array.from(busyBySecond, (ms) => ms ?? 0),
    self: rows(self),
    inclusive: rows(inclusive),
    own: rows(own),
  };
}

/** Leaf first. */
function stackOf(id: number, byId: Map<number, ProfileNode>, parentOf: Map<number, number>): ProfileNode[] {
  const stack: ProfileNode[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const node = byId.get(at);
    if (node !== undefined) stack.push(node);
  }
  return stack;
}

/** `function path` with the repository or package prefix cut off (`handle apps/api/src/routes/proxy.ts`). */
function nameOf(node: ProfileNode): string {
  const { functionName, url } = node.callFrame;
  return `${functionName || '(anonymous)'} ${shortUrl(url)}`.trimEnd();
}

function shortUrl(url: string): string {
  const library = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (library) return `[${library[1]}]`;
  const own = /\/((?:apps|packages)\/.*)$/.exec(url);
  return own ? (own[1] as string) : url;
}

/** The nearest own frame; else `[library]` of the outermost library, or the runtime's leaf (GC, a syscall). */
function ownerOf(stack: ProfileNode[]): string {
  const ownFrame = stack.find((node) => OWN_CODE.test(node.callFrame.url));
  if (ownFrame) return nameOf(ownFrame);
  const libraries = stack.filter((node) => node.callFrame.url.includes('node_modules'));
  const outermost = libraries[libraries.length - 1];
  if (outermost) return shortUrl(outermost.callFrame.url);
  const leaf = stack[0] as ProfileNode;
  return `(runtime) ${nameOf(leaf)}`;
}

function add(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}
