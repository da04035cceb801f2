/**
 * The answers relationRecord (evidence-records.ts) leaves out, where `kept` says their target does not
 * travel with the relation: sent beside the records, so the explorer puts each back once its target arrives
 * (src/model/core/extend-model.ts).
 */
import type { AnswerLink } from '../model/core/extend-model';
import type { RelationOut } from './records';

export function answersLeftOut(
  relations: readonly RelationOut[],
  kept: (answer: string | undefined) => boolean,
): AnswerLink[] {
  return relations.flatMap(({ id, answers, claims }) => [
    ...(answers !== undefined && !kept(answers) ? [{ relation: id, answers }] : []),
    ...(claims ?? []).flatMap(({ quote, answers: a }) =>
      a !== undefined && !kept(a) ? [{ relation: id, quote, answers: a }] : [],
    ),
  ]);
}
