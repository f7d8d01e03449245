// The zone filters of the API as form controls: one entry per query
// parameter of /api/v1/zones, in the order the finder shows them.
import { KINDS, STATUSES } from './mapdraw.js';

export const FILTERS = [
  { param: 'q', type: 'text', label: 'f_q', hint: 'f_q_hint' },
  { param: 'kind', type: 'multi', values: KINDS, prefix: 'kind', label: 'f_kind' },
  { param: 'status', type: 'multi', values: STATUSES, prefix: 'status', label: 'f_status' },
  { param: 'confidence', type: 'multi', values: ['high', 'medium', 'low'], prefix: 'confidence', label: 'f_confidence' },
  { param: 'unit', type: 'unit', label: 'f_unit' },
  { param: 'sector', type: 'sector', label: 'f_sector' },
  { param: 'counted', type: 'bool', label: 'f_counted' },
  { param: 'group', type: 'group', label: 'f_group' },
  { param: 'umbrella', type: 'bool', label: 'f_umbrella', more: true },
  { param: 'unit_code', type: 'unit', label: 'f_unit_code', more: true },
  {
    param: 'missing',
    type: 'multi',
    values: ['status', 'unit_code', 'total_ha', 'industrial_ha', 'leased_ha', 'lease_usd_m2', 'km_hcmc', 'km_port', 'infra_complete', 'lat'],
    prefix: 'field',
    label: 'f_missing',
    more: true,
  },
  { param: 'infra_complete', type: 'bool', label: 'f_infra' },
  { param: 'min_available_ha', type: 'number', label: 'f_min_available_ha', more: true },
  { param: 'min_industrial_ha', type: 'number', label: 'f_min_industrial_ha', more: true },
  { param: 'min_total_ha', type: 'number', label: 'f_min_total_ha', more: true },
  { param: 'max_lease_usd_m2', type: 'number', label: 'f_max_lease_usd_m2', more: true },
  { param: 'max_km_hcmc', type: 'number', label: 'f_max_km_hcmc', more: true },
  { param: 'max_km_port', type: 'number', label: 'f_max_km_port', more: true },
  { param: 'min_wwtp_m3_day', type: 'number', label: 'f_min_wwtp_m3_day', more: true },
  { param: 'min_power_mva', type: 'number', label: 'f_min_power_mva', more: true },
];

// The API filter of a page's query string: every parameter but lang and
// sort, empty ones dropped (defined in index.html, which uses it first).
export function filterQuery(search) {
  return window.khuFilterQuery(search);
}

// The filter last used in the finder, so that the map follows it.
export function savedFilter() {
  try {
    return sessionStorage.getItem('khu.filter') || '';
  } catch (e) {
    return '';
  }
}

export function saveFilter(q) {
  try {
    sessionStorage.setItem('khu.filter', q);
  } catch (e) {
    /* private mode: the links simply carry no filter */
  }
  window.dispatchEvent(new CustomEvent('khu:filter'));
}
