import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, TimestampNullable } from '../schema';

/** Issue 14 §4, R-ACC-1…3: accidents and near misses (migration 0114) and their supplementary reports (0118). */
export type AccidentKind = 'accident' | 'near_miss';
export type AccidentGrade = 'general' | 'larger' | 'major' | 'especially_major';
export type AccidentsTable = {
  enterprise_id: string; id: Generated<string>; kind: AccidentKind; occurred_at: Timestamp; place: Generated<string>; summary: string;
  deaths: Generated<number>; missing: Generated<number>; serious_injuries: Generated<number>; minor_injuries: Generated<number>;
  /** Yuan, exact: read as a string, written as a decimal string. */
  direct_loss: ColumnType<string, string | undefined, string>; grade: AccidentGrade | null; unit_head_informed_at: Timestamp; regulators_received_at: TimestampNullable;
  reported_by: string | null; version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
};

export type AccidentTables = {
  accidents: AccidentsTable;
};
