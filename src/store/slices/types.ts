/** The shape every slice is written against: the whole store, as zustand's slices pattern has it. */
import type { StateCreator } from 'zustand/vanilla';
import type { ThreadlineActions, ThreadlineState } from '../store';

export type Full = ThreadlineState & ThreadlineActions;
export type Slice<T> = StateCreator<Full, [], [], T>;
export type SetState = Parameters<Slice<unknown>>[0];
export type GetState = () => Full;
