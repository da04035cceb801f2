/** Runs graph analysis off the main thread for large datasets: builds its own model once, then answers requests. */
import { modelFrom, receiveEvidence, type Model } from '../model/core/model';
import type { EvidenceData, ModelData } from '../model/core/model-data';
import { runAnalysis, type AnalysisRequest } from '../model/analysis/requests';

export type AnalysisWorkerMessage =
  | { type: 'init'; data: ModelData }
  | { type: 'evidence'; evidence: EvidenceData }
  | { type: 'run'; id: number; request: AnalysisRequest };

export type AnalysisWorkerReply =
  { id: number; ok: true; result: ReturnType<typeof runAnalysis> } | { id: number; ok: false; error: string };

let model: Model | null = null;

self.onmessage = (e: MessageEvent<AnalysisWorkerMessage>) => {
  const msg = e.data;
  if (msg.type === 'init') {
    model = modelFrom(msg.data);
    return;
  }
  if (msg.type === 'evidence') {
    if (model) receiveEvidence(model, msg.evidence);
    return;
  }
  let reply: AnalysisWorkerReply;
  try {
    if (!model) throw new Error('the analysis worker has no dataset yet');
    reply = { id: msg.id, ok: true, result: runAnalysis(model, msg.request) };
  } catch (err) {
    reply = { id: msg.id, ok: false, error: String(err) };
  }
  self.postMessage(reply);
};
