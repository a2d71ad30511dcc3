// The sequence-diagram interactions of a real run: a CPU access starts at the fault and the
// handle_mm_fault primitive it calls, not at the first model C function below it.
import { expect, test } from 'vitest';
import { initOutline } from '../../src/model/interp/source-outline.js';
import { runScenario } from '../../src/model/scenario/run.js';
import { actorMap, interactionsOf, type Happening } from '../../src/replay/interactions.js';
import { happeningText } from '../../src/report/interaction-words.js';
import { compiled, scenario } from '../model/helpers.js';

test('nouveau-atomic-small: each CPU write fault is one message from the scenario into mm; the second causes the EXCLUSIVE', async () => {
  await initOutline();
  const c = await compiled('v10');
  const list = interactionsOf(runScenario(c, scenario('nouveau-atomic-small')), actorMap(c.sources));
  const intoMm = list.filter((x) => x.t === 'msg' && x.from === 'scenario' && x.to === 'mm');
  // the first write populates the page, the one after the GPU fault meets the exclusive entry
  const fault = { kind: 'user-fault', access: 'write', addr: '0x7f0000000000', call: 'handle_mm_fault' };
  expect(intoMm.map((x) => x.t === 'msg' && x.what)).toEqual([fault, fault]);
  expect(happeningText(fault as Happening)).toBe('CPU write fault at 0x7f0000000000 (handle_mm_fault)');
  const i = list.indexOf(intoMm[1]!);
  expect(list[i + 1]).toMatchObject({ t: 'msg', from: 'mm', to: 'notifier', what: { kind: 'notifier', event: 'EXCLUSIVE', owner: null, issuer: 'remove_device_exclusive_entry' } });
});
