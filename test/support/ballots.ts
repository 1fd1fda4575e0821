import { CLASSIFICATION_LEVELS, MOTION_OPTIONS, type BallotDefinition } from '@hallvote/shared';

/** Ballot 1 of the hall story: one subject, four levels, secret. */
export function classificationBallot(overrides: Partial<BallotDefinition> = {}): BallotDefinition {
  return {
    title: 'Xếp loại Đảng bộ tỉnh năm 2023',
    kind: 'choice',
    secret: true,
    subjects: [{ id: 'province', label: 'Đảng bộ tỉnh 2023' }],
    options: [...CLASSIFICATION_LEVELS],
    allowChange: false,
    interimForChair: false,
    ...overrides,
  };
}

/** A batch ballot of `n` sub-units in one group, each rated on the four levels. */
export function batchBallot(n: number, overrides: Partial<BallotDefinition> = {}): BallotDefinition {
  return {
    title: `Xếp loại ${n} đơn vị`,
    kind: 'batch',
    secret: true,
    subjects: Array.from({ length: n }, (_, i) => ({ id: `unit-${i + 1}`, label: `Đơn vị ${i + 1}`, group: 'units' })),
    options: [...CLASSIFICATION_LEVELS],
    allowChange: false,
    interimForChair: false,
    ...overrides,
  };
}

/** An open (named) yes / no / not-voting motion. */
export function motionBallot(overrides: Partial<BallotDefinition> = {}): BallotDefinition {
  return {
    title: 'Thông qua nghị quyết',
    kind: 'motion',
    secret: false,
    subjects: [{ id: 'motion', label: 'Nghị quyết' }],
    options: [...MOTION_OPTIONS],
    allowChange: true,
    interimForChair: false,
    ...overrides,
  };
}
