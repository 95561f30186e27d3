// Keeping the zone's data current on the map: land officers edit parcels and enterprises, planners
// the plan layers (zones, boards, parks, infrastructure), administrators everything. What a user
// may do is asked of the server (OPTIONS …/items: Allow), never guessed from the role's name, and
// a user who may do nothing gets no control at all. Every write carries the ETag the feature was
// read with (If-Match: nobody's change is overwritten unseen) and a reason (X-Change-Reason, 变更原因),
// and the feature's 修改记录 shows who changed what, when and why, with a way back to any version.
//
// Three places, all through window.ZA: a section of the detail card under its buttons (编辑 /
// 修改图形 / 分割 / 合并 / 删除 and the attribute form), a section at the card's end (修改记录),
// and an 编辑 panel with a 新建 button per layer the user may add to (the new feature's form opens
// there). Shapes are drawn with Geoman, snapping to the parcels around (fetched as a temporary
// snappable layer: the map paints its parcels from vector tiles, not as Leaflet layers; the parcel
// being edited, or picked to merge, is read whole by id), with
// the live geodesic area in mu and hectares in a bar on the map. The form is built from
// GET /collections/{id}/schema; a refusal (422) is shown next to the field it names, a problem of
// the shape on the map (vertex and place), with the server's repaired shape to take when it has one.

import { formatShanghai } from './asof.js';
import { escapeHtml as esc, fmt } from './layers.js';
import { areaM2, formatArea, formatLength, lengthM } from './measure.js';
import { landUseColor, landUseName, STATUS_COLORS } from './styles.js';

const ZA = window.ZA;
const { t } = ZA;
const map = ZA.map;
/** A parcel as readers name it (zone and number), never its system id. */
const parcelLabel = (id) => ZA.i18n.parcelName(id);

ZA.i18n.add({
  zh: {
    'edit.panel': '编辑',
    'edit.new.head': '新建要素',
    'edit.new.hint': '选择图层，在地图上绘制图形（可吸附到相邻地块边界），再填写属性并保存。',
    'edit.new': '新建{layer}',
    'edit.new.point': '新建{layer}（点）',
    'edit.new.line': '新建{layer}（线）',
    'edit.new.polygon': '新建{layer}（面）',
    'edit.new.drawing': '请在地图上绘制{layer}的图形…',
    'edit.new.form': '新建{layer}',
    'edit.asof.off': '正在查看历史时点的地图，不能编辑；回到现在后再修改。',
    'edit.nothing': '当前账号没有可新建要素的图层。',
    'edit.attrs': '编辑',
    'edit.attrs.title': '编辑属性',
    'edit.geometry': '修改图形',
    'edit.split': '分割',
    'edit.merge': '合并',
    'edit.delete': '删除',
    'edit.tools': '编辑工具',
    'edit.reading': '正在读取最新版本…',
    'edit.save': '保存',
    'edit.saving': '保存中…',
    'edit.cancel': '取消',
    'edit.finish': '完成',
    'edit.required': '必填',
    'edit.reason': '变更原因',
    'edit.reason.hint': '如文号、会议纪要编号（选填）',
    'edit.reason.required': '必填，如文号、会议纪要编号',
    'edit.reason.missing': '请填写变更原因',
    'edit.auto': '（按图形自动确定）',
    'edit.none': '（无）',
    'edit.choose': '请选择',
    'edit.status.cycle': '按土地供应周期，“{from}”之后只能变为：{next}（或保持不变）',
    'edit.status.end': '按土地供应周期，“{from}”没有下一状态',
    'edit.status.new': '新地块可选任一状态',
    'edit.landuse.hint': '输入代码或名称查找，如 1001 或 工业',
    'edit.suggest.none': '没有匹配项',
    'edit.links.add.enterprise': '添加用地企业',
    'edit.links.add.parcel': '添加使用地块',
    'edit.links.enterprise': '企业',
    'edit.links.parcel': '地块',
    'edit.links.search.enterprise': '企业名称或编号',
    'edit.links.search.parcel': '地块编号',
    'edit.links.role': '用地方式',
    'edit.links.owner': '权属',
    'edit.links.tenant': '租用',
    'edit.links.share': '占地比例',
    'edit.links.since': '起始年份',
    'edit.links.remove': '移除',
    'edit.links.none': '暂无',
    'edit.links.row': '第 {n} 行',
    'edit.area.live': '面积（按当前图形）',
    'edit.length.live': '长度（按当前图形）',
    'edit.placed': '所属开发区、核心板块、园区和小微园将按图形自动确定。',
    'edit.nochange': '没有需要保存的修改',
    'edit.saved': '已保存{what}',
    'edit.created': '已新建{what}',
    'edit.deleted': '已删除{what}',
    'edit.split.done': '已分割为 {n} 块：{ids}',
    'edit.merge.done': '已合并为{what}',
    'edit.reverted': '已将{what}恢复到第 {v} 版',
    'edit.undo': '撤销',
    'edit.refused': '服务器未接受此修改，请按提示更正：',
    'edit.problem.vertex': '第 {n} 个顶点附近',
    'edit.problem.here': '问题位置',
    'edit.problem.suggest': '采用修复后的图形',
    'edit.problem.suggested': '已换成修复后的图形，请检查后再保存。',
    'edit.stale': '此要素已被他人修改，您看到的不是最新版本。请重新加载后再修改。',
    'edit.reload': '重新加载',
    'edit.geomfield': '图形',
    'edit.linefield': '分割线',
    'edit.withfield': '合并的地块',
    'edit.versionfield': '版本',
    'edit.field.other': '其他属性',
    'edit.title.geometry': '修改图形：{what}',
    'edit.title.split': '分割{id}',
    'edit.title.merge': '合并地块：保留{id}',
    'edit.title.new': '新建{layer}',
    'edit.hint.polygon': '单击地图添加顶点，单击第一个顶点闭合（或按“完成”）。靠近相邻地块边界时自动吸附。',
    'edit.hint.line': '单击地图添加节点，单击最后一个节点结束（或按“完成”）。',
    'edit.hint.point': '单击地图放置位置。',
    'edit.hint.adjust': '可拖动顶点继续调整；在“编辑”面板中填写属性后保存。',
    'edit.hint.adjust.point': '可拖动位置继续调整；在“编辑”面板中填写属性后保存。',
    'edit.hint.geometry': '拖动顶点修改图形，拖动边的中点可增加顶点，右键单击顶点可删除；靠近相邻地块边界时自动吸附。',
    'edit.hint.geometry.point': '拖动点修改位置。',
    'edit.hint.split': '画一条完整穿过地块的分割线：依次单击，单击最后一点（或按“完成”）结束。',
    'edit.hint.merge': '单击要并入的相邻地块（可多选，再次单击取消）。合并后保留本地块的编号和属性。',
    'edit.snap.loading': '正在加载可吸附的相邻地块…',
    'edit.split.preview': '分割预览：{n} 块',
    'edit.split.cross': '分割线必须完整穿过地块（两端都在地块之外），请重画。',
    'edit.split.many': '分割线多次穿过地块，将按服务器计算的结果分割。',
    'edit.split.confirm': '确认分割',
    'edit.split.redraw': '重画',
    'edit.merge.none': '尚未选择要并入的地块。',
    'edit.merge.list': '将{others}并入{id}，合并后约 {area}',
    'edit.merge.confirm': '确认合并',
    'edit.delete.title': '删除{what}',
    'edit.delete.text': '确定删除{what}吗？删除后仍可在修改记录中恢复。',
    'edit.confirm': '确定',
    'edit.revert.title': '恢复到第 {v} 版',
    'edit.revert.text': '将把{what}恢复为第 {v} 版的图形和属性，作为新的一版保存，原有记录保留。',
    'edit.error.0': '无法连接服务器，修改未保存',
    'edit.error.400': '请求有误，服务器未接受',
    'edit.error.401': '请先登录',
    'edit.error.403': '当前账号无权进行此修改',
    'edit.error.404': '要素不存在（可能已被删除）',
    'edit.error.405': '此图层不能修改',
    'edit.error.409': '与现有数据冲突，未能保存',
    'edit.error.412': '此要素已被他人修改',
    'edit.error.413': '提交的内容过大',
    'edit.error.415': '提交的格式不被接受',
    'edit.error.422': '数据未通过检查',
    'edit.error.other': '操作失败（服务器错误 {s}）',
    'hist.title': '修改记录',
    'hist.of': '{what}的修改记录',
    'hist.loading': '正在读取修改记录…',
    'hist.failed': '无法读取修改记录',
    'hist.version': '第 {v} 版',
    'hist.current': '当前版本',
    'hist.initial': '初始数据',
    'hist.initial.text': '导入的初始数据，之前没有修改记录',
    'hist.op.create': '新建',
    'hist.op.replace': '修改（整体替换）',
    'hist.op.update': '修改',
    'hist.op.delete': '删除',
    'hist.op.revert': '恢复',
    'hist.op.split': '分割',
    'hist.op.merge': '合并',
    'hist.op.import': '导入',
    'hist.op.other': '其他操作',
    'hist.op.linked': '用地关系随地块变更',
    'hist.linked.split': '所用地块分割为 {ids}',
    'hist.linked.merge': '所用地块与 {ids} 合并',
    'hist.linked.create': '新建要素时登记了用地关系',
    'hist.linked.delete': '关联的地块或企业被删除，用地关系随之结束',
    'hist.ended.delete': '已删除',
    'hist.ended.split': '已分割',
    'hist.ended.merge': '已并入其他地块',
    'hist.split.from': '由{id}分割产生',
    'hist.split.made': '分割产生',
    'hist.split.into': '分割为 {ids}',
    'hist.merge.took': '并入了 {ids}',
    'hist.revert.to': '恢复为第 {v} 版',
    'hist.reason': '原因',
    'hist.reason.none': '未填写原因',
    'hist.fields': '修改内容',
    'hist.cond.yes': '已核对版本',
    'hist.cond.yes.title': '提交时核对了所依据的版本，未覆盖他人的修改',
    'hist.cond.no': '未核对版本',
    'hist.cond.no.title': '提交时没有核对版本，可能覆盖了他人同时所做的修改',
    'hist.show': '在地图上显示',
    'hist.hide': '从地图上移除',
    'hist.revert': '恢复到此版本',
    'hist.parent': '查看原地块记录',
    'hist.back': '返回',
    'hist.open': '查看{what}',
    'hist.system': '系统',
    'hist.role.other': '其他角色',
    'hist.none': '没有记录',
    'hist.deleted.note': '此要素已不存在。',
  },
  en: {
    'edit.panel': 'Edit',
    'edit.new.head': 'New feature',
    'edit.new.hint': 'Pick a layer, draw the shape on the map (it snaps to neighbouring parcels), then fill in the form and save.',
    'edit.new': 'New {layer}',
    'edit.new.point': 'New {layer} (point)',
    'edit.new.line': 'New {layer} (line)',
    'edit.new.polygon': 'New {layer} (area)',
    'edit.new.drawing': 'Draw the {layer} on the map…',
    'edit.new.form': 'New {layer}',
    'edit.asof.off': 'The map shows an earlier moment: editing is off until you go back to now.',
    'edit.nothing': 'This account may not add features to any layer.',
    'edit.attrs': 'Edit',
    'edit.attrs.title': 'Edit attributes',
    'edit.geometry': 'Edit shape',
    'edit.split': 'Split',
    'edit.merge': 'Merge',
    'edit.delete': 'Delete',
    'edit.tools': 'Editing tools',
    'edit.reading': 'Reading the latest version…',
    'edit.save': 'Save',
    'edit.saving': 'Saving…',
    'edit.cancel': 'Cancel',
    'edit.finish': 'Finish',
    'edit.required': 'required',
    'edit.reason': 'Reason for the change',
    'edit.reason.hint': 'e.g. document or minutes number (optional)',
    'edit.reason.required': 'required, e.g. document or minutes number',
    'edit.reason.missing': 'Give a reason',
    'edit.auto': '(placed from the shape)',
    'edit.none': '(none)',
    'edit.choose': 'Choose',
    'edit.status.cycle': 'In the land cycle “{from}” can only become: {next} (or stay)',
    'edit.status.end': 'In the land cycle “{from}” has no next status',
    'edit.status.new': 'A new parcel may start in any status',
    'edit.landuse.hint': 'Type a code or a name, e.g. 1001',
    'edit.suggest.none': 'Nothing matches',
    'edit.links.add.enterprise': 'Add an enterprise',
    'edit.links.add.parcel': 'Add a parcel',
    'edit.links.enterprise': 'Enterprise',
    'edit.links.parcel': 'Parcel',
    'edit.links.search.enterprise': 'Enterprise name or id',
    'edit.links.search.parcel': 'Parcel id',
    'edit.links.role': 'Use',
    'edit.links.owner': 'owner',
    'edit.links.tenant': 'tenant',
    'edit.links.share': 'Share',
    'edit.links.since': 'Since',
    'edit.links.remove': 'Remove',
    'edit.links.none': 'none',
    'edit.links.row': 'row {n}',
    'edit.area.live': 'Area (current shape)',
    'edit.length.live': 'Length (current shape)',
    'edit.placed': 'Zone, core board, park and small-micro park are placed from the shape.',
    'edit.nochange': 'Nothing to save',
    'edit.saved': 'Saved {what}',
    'edit.created': 'Created {what}',
    'edit.deleted': 'Deleted {what}',
    'edit.split.done': 'Split into {n} parts: {ids}',
    'edit.merge.done': 'Merged into {what}',
    'edit.reverted': '{what} is back at version {v}',
    'edit.undo': 'Undo',
    'edit.refused': 'The server did not accept the change; please correct:',
    'edit.problem.vertex': 'near vertex {n}',
    'edit.problem.here': 'here',
    'edit.problem.suggest': 'Use the repaired shape',
    'edit.problem.suggested': 'The repaired shape is in place: check it, then save.',
    'edit.stale': 'Someone else changed this feature meanwhile: you are not looking at the latest version. Reload it, then make the change again.',
    'edit.reload': 'Reload',
    'edit.geomfield': 'Shape',
    'edit.linefield': 'Cutting line',
    'edit.withfield': 'Parcels to merge',
    'edit.versionfield': 'Version',
    'edit.field.other': 'other attribute',
    'edit.title.geometry': 'Edit shape: {what}',
    'edit.title.split': 'Split {id}',
    'edit.title.merge': 'Merge parcels into {id}',
    'edit.title.new': 'New {layer}',
    'edit.hint.polygon': 'Click to add vertices; click the first vertex (or Finish) to close. Snaps to neighbouring parcels.',
    'edit.hint.line': 'Click to add points; click the last point (or Finish) to end.',
    'edit.hint.point': 'Click the map to place it.',
    'edit.hint.adjust': 'Drag vertices to adjust; fill in the form in the Edit panel, then save.',
    'edit.hint.adjust.point': 'Drag the point to adjust; fill in the form in the Edit panel, then save.',
    'edit.hint.geometry': 'Drag vertices; drag an edge’s middle to add one; right-click a vertex to remove it. Snaps to neighbouring parcels.',
    'edit.hint.geometry.point': 'Drag the point to move it.',
    'edit.hint.split': 'Draw a line right across the parcel: click point by point, click the last point (or Finish) to end.',
    'edit.hint.merge': 'Click the neighbouring parcels to merge in (several allowed; click again to drop). The merged parcel keeps this one’s id and attributes.',
    'edit.snap.loading': 'Loading neighbouring parcels to snap to…',
    'edit.split.preview': 'Preview: {n} parts',
    'edit.split.cross': 'The line must cross the parcel completely (both ends outside it): draw it again.',
    'edit.split.many': 'The line crosses the parcel several times; the server works out the parts.',
    'edit.split.confirm': 'Split',
    'edit.split.redraw': 'Redraw',
    'edit.merge.none': 'No parcel picked yet.',
    'edit.merge.list': 'Merge {others} into {id}: about {area} in all',
    'edit.merge.confirm': 'Merge',
    'edit.delete.title': 'Delete {what}',
    'edit.delete.text': 'Delete {what}? It can be brought back from its history.',
    'edit.confirm': 'OK',
    'edit.revert.title': 'Back to version {v}',
    'edit.revert.text': '{what} gets the shape and attributes of version {v} again, saved as a new version; the history stays.',
    'edit.error.0': 'Cannot reach the server: nothing was saved',
    'edit.error.400': 'The server refused the request',
    'edit.error.401': 'Please log in first',
    'edit.error.403': 'This account may not make this change',
    'edit.error.404': 'The feature does not exist (deleted?)',
    'edit.error.405': 'This layer cannot be edited',
    'edit.error.409': 'The change conflicts with other data and was not saved',
    'edit.error.412': 'Someone else changed this feature',
    'edit.error.413': 'Too much data',
    'edit.error.415': 'Format not accepted',
    'edit.error.422': 'The data did not pass the checks',
    'edit.error.other': 'Failed (server error {s})',
    'hist.title': 'History',
    'hist.of': 'History of {what}',
    'hist.loading': 'Reading the history…',
    'hist.failed': 'Cannot read the history',
    'hist.version': 'version {v}',
    'hist.current': 'current',
    'hist.initial': 'Initial data',
    'hist.initial.text': 'Loaded with the initial data; no earlier record',
    'hist.op.create': 'Created',
    'hist.op.replace': 'Replaced',
    'hist.op.update': 'Changed',
    'hist.op.delete': 'Deleted',
    'hist.op.revert': 'Reverted',
    'hist.op.split': 'Split',
    'hist.op.merge': 'Merged',
    'hist.op.import': 'Imported',
    'hist.op.other': 'Other change',
    'hist.op.linked': 'Land use changed with a parcel',
    'hist.linked.split': 'the parcel used was split into {ids}',
    'hist.linked.merge': 'the parcel used was merged with {ids}',
    'hist.linked.create': 'the link was recorded with a new feature',
    'hist.linked.delete': 'the linked parcel or enterprise was deleted, ending the link',
    'hist.ended.delete': 'Deleted',
    'hist.ended.split': 'Split up',
    'hist.ended.merge': 'Merged into another parcel',
    'hist.split.from': 'cut from {id}',
    'hist.split.made': 'made by a split',
    'hist.split.into': 'into {ids}',
    'hist.merge.took': 'took in {ids}',
    'hist.revert.to': 'back to version {v}',
    'hist.reason': 'Reason',
    'hist.reason.none': 'no reason given',
    'hist.fields': 'Changed',
    'hist.cond.yes': 'version checked',
    'hist.cond.yes.title': 'Sent with the version it was based on (If-Match): it overwrote nobody’s change',
    'hist.cond.no': 'version not checked',
    'hist.cond.no.title': 'Sent without a version check: it may have overwritten a change made meanwhile',
    'hist.show': 'Show on map',
    'hist.hide': 'Remove from map',
    'hist.revert': 'Back to this version',
    'hist.parent': 'History of the parent parcel',
    'hist.back': 'Back',
    'hist.open': 'Open {what}',
    'hist.system': 'system',
    'hist.role.other': 'other role',
    'hist.none': 'No record',
    'hist.deleted.note': 'This feature no longer exists.',
  },
});

const COLLECTIONS = ['parcels', 'enterprises', 'zones', 'core-boards', 'industrial-parks', 'small-micro-parks', 'infrastructure'];
/** Properties naming a plan feature, and the layer they name it in. */
const REFS = { board: 'core-boards', park: 'industrial-parks', small_micro_park: 'small-micro-parks' };
/** Ratios stored 0..1, entered in percent (as the detail card shows them). */
const PERCENT = new Set(['coverage', 'coverage_min']);
const LONG_TEXT = new Set(['positioning', 'lead_industries', 'placement_note', 'placement_note_zh']);
/** A new parcel is placed in its zone, board and parks by the server, from its shape. */
const PLACED = new Set(['zone', 'board', 'park', 'small_micro_park']);

const STYLE = {
  edit: { color: '#e65100', weight: 3, fillColor: '#ff9800', fillOpacity: 0.2 },
  hint: { color: '#e65100', weight: 2, dashArray: '4 6' },
  line: { color: '#d50000', weight: 3, dashArray: '8 6' },
  snap: { color: '#00838f', weight: 1, opacity: 0.6, fill: false },
  parts: ['#1e88e5', '#43a047', '#8e24aa', '#fb8c00', '#00897b', '#c0ca33'],
  pick: { color: '#6a1b9a', weight: 3, fillColor: '#ab47bc', fillOpacity: 0.35, dashArray: '5 4' },
  version: { color: '#ff6d00', weight: 3, dashArray: '7 5', fillColor: '#ff6d00', fillOpacity: 0.08 },
  problem: { radius: 9, color: '#b71c1c', weight: 3, fillColor: '#ffebee', fillOpacity: 0.9 },
};
/** Temporary drawings: not for Geoman to edit or snap to, and no clicks. */
const TEMP = { pmIgnore: true, snapIgnore: true, interactive: false };
/**
 * Points being drawn or moved are DOM markers: the map's canvas hands every click and drag to the
 * map while a shape is edited (see app.js), so a canvas circle could not be dragged.
 */
const POINT_ICON = L.divIcon({ className: 'ze-point', iconSize: [18, 18], iconAnchor: [9, 9] });
/** Geoman options of every edited shape: the server judges self-intersection (with the vertex and a repair). */
const EDIT_OPTS = { snappable: true, snapDistance: 14, allowSelfIntersection: true, draggable: false };

// ---- permissions ----------------------------------------------------------------------------

const perms = { key: null, create: new Set(), edit: new Set(), ready: Promise.resolve() };

function allowOf(res) {
  return (res.headers.get('Allow') || '').split(',').map((m) => m.trim().toUpperCase());
}

/** What the logged-in user may create and edit, from the server's Allow headers (asked once per user). */
function probe() {
  const u = ZA.user;
  const key = (u.username || '') + '|' + u.role;
  if (perms.key === key) return perms.ready;
  perms.key = key;
  perms.create = new Set();
  perms.edit = new Set();
  schemas.clear();
  known.clear();
  if (!u.username) {
    perms.ready = Promise.resolve();
    renderPanel();
    return perms.ready;
  }
  const create = new Set();
  const edit = new Set();
  perms.ready = Promise.all(COLLECTIONS.map(async (c) => {
    const base = '/collections/' + c + '/items';
    try {
      // any id: the answer is the same for every feature of the collection
      const [coll, item] = await Promise.all([ZA.fetch(base, { method: 'OPTIONS' }), ZA.fetch(base + '/_', { method: 'OPTIONS' })]);
      if (allowOf(coll).includes('POST')) create.add(c);
      if (allowOf(item).includes('PATCH')) edit.add(c);
    } catch (e) {
      console.warn('cannot ask what may be edited in ' + c + ': ' + e.message);
    }
  })).then(() => {
    if (perms.key !== key) return;
    perms.create = create;
    perms.edit = edit;
    renderPanel();
  });
  return perms.ready;
}

/** Editors of any layer see the history (the server lets planners, land officers and administrators read it). */
function seesHistory() {
  return perms.create.size > 0 || perms.edit.size > 0;
}

// ---- talking to the server --------------------------------------------------------------------

const schemas = new Map();

function schemaOf(c) {
  if (!schemas.has(c)) {
    const p = ZA.api('/collections/' + encodeURIComponent(c) + '/schema');
    p.catch(() => schemas.delete(c));
    schemas.set(c, p);
  }
  return schemas.get(c);
}

function itemPath(c, id) {
  return '/collections/' + encodeURIComponent(c) + '/items/' + encodeURIComponent(id);
}

/** "collection:id" -> {etag, feature, fresh}: the version each write is based on (fresh: just written, no need to read again). */
const known = new Map();

async function readItem(c, id) {
  const k = c + ':' + id;
  const had = known.get(k);
  if (had && had.fresh) {
    had.fresh = false;
    return had;
  }
  let res;
  try {
    res = await ZA.fetch(itemPath(c, id));
  } catch (e) {
    throw new Error(t('edit.error.0'));
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw Object.assign(new Error(failText({ status: res.status, body })), { status: res.status });
  const r = { etag: res.headers.get('ETag'), feature: body, fresh: false };
  known.set(k, r);
  return r;
}

/** Keeps a write's answer; fresh: the feature is complete (land-use links too), so the card need not read it again. */
function remember(c, feature, etag, fresh = true) {
  if (feature && feature.id !== undefined && etag) known.set(c + ':' + feature.id, { etag, feature, fresh });
}

/**
 * A write: JSON body, If-Match when a version is known, the reason percent-encoded. Resolves to
 * {ok, status, body, etag, location}; status 0 when the server could not be reached.
 */
async function send(method, path, { body, type = 'application/json', etag, reason } = {}) {
  const headers = { 'Content-Type': type };
  if (etag) headers['If-Match'] = etag;
  if (reason) headers['X-Change-Reason'] = encodeURIComponent(reason);
  let res;
  try {
    res = await ZA.fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    return { ok: false, status: 0, body: null };
  }
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  return { ok: res.ok, status: res.status, body: data, etag: res.headers.get('ETag'), location: res.headers.get('Location') };
}

/** The server's own words for a refusal, in the page's language (a generic line where it has none in Chinese). */
function failText(r) {
  const b = r.body || {};
  if (ZA.lang === 'en' && b.description) return b.description;
  if (ZA.lang !== 'en' && b.description_zh) return b.description_zh;
  const key = 'edit.error.' + r.status;
  const s = t(key);
  return s === key ? t('edit.error.other', { s: r.status }) : s;
}

/** The words for a failed ZA.api call (its error carries the status and the server's answer). */
function errorText(e) {
  return e && e.status ? failText({ status: e.status, body: e.body }) : t('edit.error.0');
}

function problemText(er) {
  return ZA.lang === 'en' ? er.message || er.message_zh : er.message_zh || er.message;
}

// ---- names and labels -------------------------------------------------------------------------

function layerName(c) {
  const s = t('coll.' + c);
  return ZA.lang === 'en' ? s.toLowerCase() : s;
}

function what(c, f, id) {
  if (c === 'parcels') return (ZA.lang === 'en' ? 'parcel ' : '地块 ') + id;
  const p = (f && f.properties) || {};
  const name = ZA.i18n.pick(p.name_zh, p.name_en);
  return name ? (ZA.lang === 'en' ? name : '“' + name + '”') : layerName(c) + ' ' + id;
}

function titleOf(def, name) {
  if (!def) return name;
  return ZA.lang === 'en' ? def['x-title-en'] || def.title || name : def.title || def['x-title-en'] || name;
}

/** "建筑面积(m²)" -> ["建筑面积", "m²"]; a bracket that is not a unit ("Name (Chinese)") stays. */
function splitUnit(title) {
  const m = /^(.*?)\s*[(（]([^()（）]+)[)）]\s*$/.exec(title || '');
  return m && /m²|km|亩|元|公顷|CNY|\bmu\b|\bha\b/.test(m[2]) ? [m[1], m[2]] : [title, ''];
}

/** A field as the user knows it: its title (never its code in Chinese), with land-use link rows numbered. */
function fieldTitle(schema, field) {
  if (field === 'geometry') return t('edit.geomfield');
  if (field === 'line') return t('edit.linefield');
  if (field === 'with') return t('edit.withfield');
  if (field === 'version') return t('edit.versionfield');
  const props = (schema && schema.properties) || {};
  const m = /^land_uses(?:\[(\d+)\](?:\.(\w+))?)?$/.exec(field || '');
  if (m) {
    const parts = [splitUnit(titleOf(props.land_uses, 'land_uses'))[0]];
    if (m[1] !== undefined) parts.push(t('edit.links.row', { n: Number(m[1]) + 1 }));
    const sub = { enterprise_id: 'edit.links.enterprise', parcel_id: 'edit.links.parcel', role: 'edit.links.role', share: 'edit.links.share', since_year: 'edit.links.since' }[m[2]];
    if (sub) parts.push(t(sub));
    return parts.join(' ');
  }
  if (props[field]) return splitUnit(titleOf(props[field], field))[0];
  return ZA.lang === 'en' ? field : t('edit.field.other');
}

function enumLabel(c, name, def, code) {
  if (code === null || code === undefined || code === '') return '';
  if (name === 'land_use_code') {
    const zh = def && def['x-labels'] && def['x-labels'][code];
    return code + ' ' + landUseName(code, zh, ZA.lang);
  }
  const labels = def && (ZA.lang === 'en' ? def['x-labels-en'] || def['x-labels'] : def['x-labels']);
  if (labels && labels[code]) return labels[code];
  if (name === 'status') return ZA.i18n.value(c === 'parcels' ? 'parcelStatus' : 'planStatus', code);
  if (name === 'kind') return ZA.i18n.value('kind', code);
  if (name === 'zone') return ZA.i18n.value('zone', code);
  if (name === 'size_class') return ZA.i18n.value('sizeClass', code);
  return String(code);
}

function roleWords(role) {
  const k = 'role.' + role;
  const s = t(k);
  return s === k ? t('hist.role.other') : s;
}

function listJoin(items) {
  return items.join(t('sep.list'));
}

// ---- geometry helpers -------------------------------------------------------------------------

const toLatLngs = (ring) => ring.map((c) => L.latLng(c[1], c[0]));

/** Geodesic area (m²) of a GeoJSON polygon or multipolygon, holes taken out. */
function geomAreaM2(g) {
  if (!g) return 0;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let a = 0;
  for (const rings of polys) {
    rings.forEach((ring, i) => {
      const r = areaM2(toLatLngs(ring)).area;
      a += i === 0 ? r : -r;
    });
  }
  return a;
}

function geomLengthM(g) {
  if (!g) return 0;
  const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  return lines.reduce((s, l) => s + lengthM(toLatLngs(l)), 0);
}

/** "1.63 亩 · 0.11 公顷" for areas, "240 米" for lines, '' for points. */
function liveOf(g) {
  if (!g) return '';
  if (g.type.includes('Polygon')) return t('edit.area.live') + t('sep.colon') + formatArea(geomAreaM2(g));
  if (g.type.includes('LineString')) return t('edit.length.live') + t('sep.colon') + formatLength(geomLengthM(g));
  return '';
}

function outerRing(g) {
  if (!g) return null;
  if (g.type === 'Polygon') return g.coordinates[0];
  if (g.type === 'MultiPolygon') return g.coordinates[0][0];
  if (g.type === 'LineString') return g.coordinates;
  return null;
}

/** A Leaflet layer Geoman can edit, for a GeoJSON geometry (points as DOM markers, no icon images). */
function editableLayer(geometry) {
  const opts = Object.assign({}, STYLE.edit, { pmIgnore: false, snapIgnore: true });
  if (geometry.type === 'Point') {
    return L.marker(L.latLng(geometry.coordinates[1], geometry.coordinates[0]), { icon: POINT_ICON, pmIgnore: false, snapIgnore: true });
  }
  return L.GeoJSON.geometryToLayer({ type: 'Feature', properties: {}, geometry }, opts);
}

function geometryOf(layer) {
  return layer.toGeoJSON(7).geometry;
}

/** Puts a new geometry into an edited layer (the server's repaired shape) and edits it again. */
function replaceGeometry(layer, g) {
  layer.pm.disable();
  if (g.type === 'Point') layer.setLatLng(L.latLng(g.coordinates[1], g.coordinates[0]));
  else {
    const depth = { LineString: 0, MultiLineString: 1, Polygon: 1, MultiPolygon: 2 }[g.type];
    layer.setLatLngs(L.GeoJSON.coordsToLatLngs(g.coordinates, depth));
  }
  layer.pm.enable(EDIT_OPTS);
}

/**
 * Where a line cuts a polygon, for the preview (planar in degrees: a parcel is small). The line's
 * crossings of the outer ring, and the parts when each stretch of line between two crossings that
 * runs inside cuts one part in two; null parts when the line does not cross the parcel completely.
 */
export function splitPreview(geometry, line) {
  const poly = geometry.type === 'Polygon' ? geometry.coordinates : geometry.type === 'MultiPolygon' ? geometry.coordinates[0] : null;
  if (!poly || line.length < 2) return { crossings: 0, parts: null };
  const ring = poly[0].slice(0, -1);
  const hits = [];
  for (let i = 0; i + 1 < line.length; i++) {
    for (let j = 0; j < ring.length; j++) {
      const x = cross(line[i], line[i + 1], ring[j], ring[(j + 1) % ring.length]);
      if (x) hits.push({ pos: i + x.t, pt: x.p });
    }
  }
  hits.sort((a, b) => a.pos - b.pos);
  // a line through a vertex (of the line or of the ring) crosses once, not twice
  const uniq = hits.filter((h, i) => i === 0 || Math.hypot(h.pt[0] - hits[i - 1].pt[0], h.pt[1] - hits[i - 1].pt[1]) > 1e-11);
  if (uniq.length < 2) return { crossings: uniq.length, parts: null };
  const parts = [ring];
  for (let k = 0; k + 1 < uniq.length; k++) {
    const a = uniq[k];
    const b = uniq[k + 1];
    const inner = [];
    for (let i = Math.ceil(a.pos); i < b.pos && i < line.length; i++) if (i > a.pos) inner.push(line[i]);
    const chord = [a.pt, ...inner, b.pt];
    // the stretch between two crossings runs either inside (a cut) or outside the parcel
    const mid = [(chord[0][0] + chord[1][0]) / 2, (chord[0][1] + chord[1][1]) / 2];
    if (!inRing(mid, ring)) continue;
    const target = parts.findIndex((p) => inRing(mid, p));
    if (target < 0) continue;
    const cut = cutRing(parts[target], chord);
    if (cut) parts.splice(target, 1, ...cut);
  }
  return { crossings: uniq.length, parts: parts.length > 1 ? parts : null };
}

function cross(p1, p2, q1, q2) {
  const d = (p2[0] - p1[0]) * (q2[1] - q1[1]) - (p2[1] - p1[1]) * (q2[0] - q1[0]);
  if (Math.abs(d) < 1e-18) return null;
  const t1 = ((q1[0] - p1[0]) * (q2[1] - q1[1]) - (q1[1] - p1[1]) * (q2[0] - q1[0])) / d;
  const u = ((q1[0] - p1[0]) * (p2[1] - p1[1]) - (q1[1] - p1[1]) * (p2[0] - p1[0])) / d;
  if (t1 < 0 || t1 > 1 || u < 0 || u > 1) return null;
  return { t: t1, p: [p1[0] + t1 * (p2[0] - p1[0]), p1[1] + t1 * (p2[1] - p1[1])] };
}

function inRing(pt, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > pt[1]) !== (yj > pt[1]) && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The edge of an open ring a point lies on: {i, u} (edge i from ring[i] to ring[i+1], u along it). */
function edgeOf(ring, p) {
  let best = null;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy || 1e-30;
    const u = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    const d = Math.hypot(a[0] + u * dx - p[0], a[1] + u * dy - p[1]);
    if (!best || d < best.d) best = { i, u, d };
  }
  return best;
}

/** Two open rings from cutting an open ring along a chord from one edge to another. */
function cutRing(ring, chord) {
  const n = ring.length;
  let a = edgeOf(ring, chord[0]);
  let b = edgeOf(ring, chord[chord.length - 1]);
  let c = chord;
  if (a.i === b.i && a.u > b.u) {
    c = chord.slice().reverse();
    [a, b] = [b, a];
  }
  const inner = c.slice(1, -1);
  const A = c[0];
  const B = c[c.length - 1];
  const walk = (from, to) => {
    const out = [];
    for (let k = (from + 1) % n, steps = 0; steps < n; k = (k + 1) % n, steps++) {
      out.push(ring[k]);
      if (k === to) break;
    }
    return out;
  };
  let one;
  let two;
  if (a.i === b.i) {
    one = [A, ...inner, B];
    two = [B, ...walk(b.i, a.i), A, ...inner];
    // walk(b.i, a.i) goes all the way round: from the vertex after the edge back to its start
  } else {
    one = [A, ...walk(a.i, b.i), B, ...inner.slice().reverse()];
    two = [B, ...walk(b.i, a.i), A, ...inner];
  }
  if (one.length < 3 || two.length < 3) return null;
  return [one, two];
}

// ---- the bar on the map (shape sessions) and messages -----------------------------------------

let barEl = null;

function openBar(title) {
  closeBar();
  barEl = L.DomUtil.create('div', 'ze-bar', map.getContainer());
  barEl.setAttribute('role', 'region');
  barEl.setAttribute('aria-label', title);
  barEl.innerHTML = `<div class="ze-bar-title">${esc(title)}</div><div class="ze-bar-hint"></div>
    <div class="ze-bar-live" hidden></div><div class="ze-bar-body"></div>
    <div class="ze-bar-msg" role="alert" hidden></div><div class="ze-bar-buttons"></div>`;
  L.DomEvent.disableClickPropagation(barEl);
  L.DomEvent.disableScrollPropagation(barEl);
  // typing a reason must not reach the map's keyboard handlers (Geoman ends drawing on Escape)
  L.DomEvent.on(barEl, 'keydown keyup keypress', (e) => {
    if (e.target && e.target.matches('input, textarea')) L.DomEvent.stopPropagation(e);
  });
  return barEl;
}

/** Pans (or zooms out) so the feature is not hidden under the bar. */
function keepInView(geometry) {
  if (!barEl || !geometry) return;
  const b = L.geoJSON(geometry).getBounds();
  if (!b.isValid()) return;
  const size = map.getSize();
  const top = barEl.offsetTop + barEl.offsetHeight + 16;
  const nw = map.latLngToContainerPoint(b.getNorthWest());
  const se = map.latLngToContainerPoint(b.getSouthEast());
  if (nw.y >= top && nw.x >= 0 && se.x <= size.x && se.y <= size.y - 30) return;
  map.fitBounds(b, { paddingTopLeft: [40, top], paddingBottomRight: [40, 40], maxZoom: map.getZoom(), animate: false });
}

function closeBar() {
  if (barEl) barEl.remove();
  barEl = null;
}

function barPart(cls) {
  return barEl ? barEl.querySelector('.ze-bar-' + cls) : null;
}

function barSet(cls, html) {
  const el = barPart(cls);
  if (!el) return null;
  el.innerHTML = html || '';
  el.hidden = !html;
  return el;
}

/** Buttons of the bar: [{label, act, primary, id, disabled, hidden}]. */
function barButtons(list) {
  const el = barPart('buttons');
  if (!el) return;
  el.innerHTML = '';
  for (const b of list) {
    if (b.hidden) continue;
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'btn btn-small' + (b.primary ? ' btn-primary' : '');
    btn.textContent = b.label;
    if (b.id) btn.dataset.bar = b.id;
    btn.disabled = !!b.disabled;
    btn.addEventListener('click', b.act);
    el.appendChild(btn);
  }
}

function reasonHtml(required, value) {
  return `<label class="ze-reason"><span>${esc(t('edit.reason'))}${required ? '<abbr class="ze-req" title="' + esc(t('edit.required')) + '">*</abbr>' : ''}</span>
    <input type="text" name="reason" maxlength="500" autocomplete="off" placeholder="${esc(t(required ? 'edit.reason.required' : 'edit.reason.hint'))}" value="${esc(value || '')}"></label>`;
}

let toastEl = null;
let toastTimer = null;

/** A short note at the bottom of the map, with an optional action (撤销). */
function toast(text, action) {
  if (!toastEl) {
    toastEl = L.DomUtil.create('div', 'ze-toast', map.getContainer());
    toastEl.setAttribute('role', 'status');
    L.DomEvent.disableClickPropagation(toastEl);
  }
  toastEl.innerHTML = `<span>${esc(text)}</span>`;
  if (action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn btn-small';
    b.textContent = action.label;
    b.addEventListener('click', () => {
      toastEl.hidden = true;
      action.act();
    });
    toastEl.appendChild(b);
  }
  toastEl.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toastEl.hidden = true), action ? 12000 : 5000);
}

/**
 * A confirmation in front of the page, with a reason field: onConfirm(reason, dialog) does the
 * request and resolves true to close (false keeps it open with the error shown by dialog.error()).
 */
function confirmDialog({ title, text, confirm, danger, reasonRequired, onConfirm }) {
  const back = document.createElement('div');
  back.className = 'ze-modal-back';
  back.innerHTML = `<div class="ze-modal" role="dialog" aria-modal="true" aria-label="${esc(title)}">
      <h3>${esc(title)}</h3><p>${esc(text)}</p>${reasonHtml(reasonRequired)}
      <div class="ze-modal-msg" role="alert" hidden></div>
      <div class="ze-buttons"><button type="button" class="btn ${danger ? 'ze-danger-btn' : 'btn-primary'}" data-act="ok">${esc(confirm || t('edit.confirm'))}</button>
      <button type="button" class="btn" data-act="cancel">${esc(t('edit.cancel'))}</button></div></div>`;
  document.body.appendChild(back);
  const input = back.querySelector('input[name=reason]');
  const msg = back.querySelector('.ze-modal-msg');
  const ok = back.querySelector('[data-act=ok]');
  const close = () => back.remove();
  const dialog = {
    error(html) {
      msg.innerHTML = html;
      msg.hidden = !html;
    },
    close,
  };
  back.querySelector('[data-act=cancel]').addEventListener('click', close);
  back.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
    if (e.key === 'Enter' && e.target === input) ok.click();
  });
  ok.addEventListener('click', async () => {
    const reason = input.value.trim();
    if (reasonRequired && !reason) {
      dialog.error(esc(t('edit.reason.missing')));
      input.focus();
      return;
    }
    ok.disabled = true;
    try {
      if (await onConfirm(reason, dialog)) close();
    } finally {
      ok.disabled = false;
    }
  });
  input.focus();
  return dialog;
}

/** The 412 message with its reload button; reload() reads the feature again and shows it. */
function staleHtml() {
  return `<p>${esc(t('edit.stale'))}</p><button type="button" class="btn btn-small" data-act="reload">${esc(t('edit.reload'))}</button>`;
}

function wireReload(el, c, id) {
  const b = el && el.querySelector('[data-act=reload]');
  if (!b) return;
  b.addEventListener('click', () => {
    known.delete(c + ':' + id);
    endSession();
    document.querySelectorAll('.ze-modal-back').forEach((m) => m.remove());
    ZA.selectFeature(c, id, { fit: false });
  });
}

// ---- problems of a shape, on the map --------------------------------------------------------------

let problemLayer = null;

function clearProblems() {
  if (problemLayer) map.removeLayer(problemLayer);
  problemLayer = null;
}

/** Marks each problem's place (given, or the numbered vertex of the shape as sent) on the map. */
function showProblemsOnMap(errors, sent) {
  clearProblems();
  const g = L.featureGroup();
  for (const er of errors) {
    let ll = Array.isArray(er.at) ? L.latLng(er.at[1], er.at[0]) : null;
    const ring = outerRing(sent);
    if (!ll && er.vertex && ring && ring[er.vertex - 1]) ll = L.latLng(ring[er.vertex - 1][1], ring[er.vertex - 1][0]);
    if (!ll) continue;
    const label = er.vertex ? t('edit.problem.vertex', { n: er.vertex }) : t('edit.problem.here');
    L.circleMarker(ll, Object.assign({}, TEMP, STYLE.problem))
      .bindTooltip(esc(label), { permanent: true, direction: 'top', offset: [0, -8], className: 'ze-problem-label' })
      .addTo(g);
  }
  if (!g.getLayers().length) return;
  g.addTo(map);
  problemLayer = g;
  const b = g.getBounds();
  if (!map.getBounds().contains(b)) map.panTo(b.getCenter());
}

/** The problems no form field shows, as a list; suggestion buttons call onSuggest(geometry). */
function problemsList(el, errors, schema, onSuggest) {
  el.innerHTML = `<p>${esc(t('edit.refused'))}</p><ul class="ze-problems">${errors.map((er, i) => `<li>
      <b>${esc(fieldTitle(schema, er.field))}</b>${esc(t('sep.colon'))}${esc(problemText(er))}
      ${er.suggestion && onSuggest ? `<button type="button" class="btn btn-small" data-suggest="${i}">${esc(t('edit.problem.suggest'))}</button>` : ''}</li>`).join('')}</ul>`;
  el.hidden = false;
  el.querySelectorAll('[data-suggest]').forEach((b) => b.addEventListener('click', () => {
    clearProblems();
    onSuggest(errors[Number(b.dataset.suggest)].suggestion);
  }));
}

// ---- shape sessions: drawing, editing, splitting, merging ----------------------------------------

/** The one shape session at a time: {kind: new|geometry|split|merge, collection, id, ...}. */
let session = null;

function endSession() {
  const s = session;
  if (!s) return;
  session = null;
  s.drawing = false;
  if (map.pm.globalDrawModeEnabled()) map.pm.disableDraw();
  if (s.layer) {
    if (s.layer.pm) s.layer.pm.disable();
    map.removeLayer(s.layer);
  }
  for (const l of [s.snap, s.preview, s.picked]) if (l) map.removeLayer(l);
  if (s.onClick) map.off('click', s.onClick);
  if (s.onMove) map.off('mousemove', s.onMove);
  clearProblems();
  closeBar();
  map.getContainer().classList.remove('ze-picking');
  // let the click that ended it finish before features may be selected again
  setTimeout(() => {
    if (!session) ZA.setBusy(false);
  }, 0);
  if (s.kind === 'new') renderPanel();
}

function beginSession(s) {
  endSession();
  session = s;
  ZA.setBusy(true);
  return s;
}

/**
 * Fetches the parcels around the view (and, for a plan layer, its own features there) as a layer
 * Geoman snaps to but does not edit; the map's parcels are painted on a canvas, not Leaflet layers.
 */
async function addSnap(s, except) {
  if (map.getZoom() < 13) return;
  const sources = ['parcels'];
  if (s.collection !== 'parcels' && s.collection !== 'enterprises') sources.push(s.collection);
  const b = map.getBounds().pad(0.3);
  const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(6)).join(',');
  barSet('live', esc(t('edit.snap.loading')));
  const features = [];
  await Promise.all(sources.map(async (c) => {
    try {
      const fc = await ZA.api('/collections/' + c + '/items?bbox=' + bbox + '&limit=2000');
      for (const f of fc.features) if (!(c === s.collection && f.id === except) && f.geometry) features.push(f);
    } catch (e) {
      console.warn('no snapping to ' + c + ': ' + e.message);
    }
  }));
  barSet('live', '');
  if (session !== s) return;
  s.snap = L.geoJSON({ type: 'FeatureCollection', features }, {
    pmIgnore: true, snapIgnore: false, interactive: false, style: () => STYLE.snap,
    pointToLayer: (f, ll) => L.circleMarker(ll, { pmIgnore: true, snapIgnore: false, interactive: false, radius: 3, ...STYLE.snap }),
  }).addTo(map);
}

function updateLive() {
  const s = session;
  if (!s || !s.layer) return;
  const g = geometryOf(s.layer);
  barSet('live', esc(liveOf(g)));
  if (s.form) {
    const live = s.form.querySelector('[data-live]');
    if (live) {
      live.textContent = liveOf(g);
      live.hidden = !live.textContent;
    }
  }
}

function watchEdits(layer) {
  layer.on('pm:edit pm:markerdrag pm:vertexadded pm:vertexremoved pm:dragend pm:snap pm:unsnap', updateLive);
}

function finishDrawing() {
  const s = session;
  if (!s || !s.drawing) return;
  const shape = s.shape;
  const d = map.pm.Draw[shape];
  const n = d && d._layer ? d._layer.getLatLngs().length : 0;
  if (d && n >= (shape === 'Polygon' ? 3 : 2)) d._finishShape();
}

// live figures while the shape is being drawn: the vertices so far plus the pointer
map.on('pm:drawstart', (e) => {
  const s = session;
  if (!s || !s.drawing) return;
  s.working = e.workingLayer;
});

function onDrawMove(e) {
  const s = session;
  if (!s || !s.drawing || !s.working || !s.working.getLatLngs) return;
  const ll = s.working.getLatLngs().concat([e.latlng]);
  let text = '';
  if (s.shape === 'Polygon' && ll.length >= 3) text = t('edit.area.live') + t('sep.colon') + formatArea(areaM2(ll).area);
  else if (ll.length >= 2) text = t('edit.length.live') + t('sep.colon') + formatLength(lengthM(ll));
  barSet('live', esc(text));
}

map.on('pm:create', (e) => {
  const s = session;
  if (!s || !s.drawing) return;
  s.drawing = false;
  if (s.kind === 'new') newDrawn(s, e.layer);
  else if (s.kind === 'split') splitDrawn(s, e.layer);
  else map.removeLayer(e.layer);
});

map.on('pm:drawend', () => {
  // drawing ended without a shape (Escape): nothing to keep
  const s = session;
  if (s && s.drawing) endSession();
});

function drawOptions(style) {
  return {
    snappable: true, snapDistance: 14, continueDrawing: false, finishOn: null, tooltips: true, allowSelfIntersection: true,
    templineStyle: style, hintlineStyle: STYLE.hint, pathOptions: style, markerStyle: { icon: POINT_ICON, draggable: true },
  };
}

function startDrawing(s, shape, style, snappable) {
  s.shape = shape;
  s.drawing = true;
  s.working = null;
  if (!s.onMove) {
    s.onMove = onDrawMove;
    map.on('mousemove', s.onMove);
  }
  map.pm.enableDraw(shape, Object.assign(drawOptions(style), { snappable }));
}

// ---- new features -------------------------------------------------------------------------------

async function startNew(c, shape) {
  if (ZA.asOf || !perms.create.has(c)) return;
  const s = beginSession({ kind: 'new', collection: c, shape, layer: null });
  openBar(t('edit.title.new', { layer: layerName(c) }));
  barSet('hint', esc(t(shape === 'Polygon' ? 'edit.hint.polygon' : shape === 'Line' ? 'edit.hint.line' : 'edit.hint.point')));
  barButtons([
    { label: t('edit.finish'), act: finishDrawing, hidden: shape === 'Marker' },
    { label: t('edit.cancel'), act: endSession },
  ]);
  renderPanel();
  await addSnap(s, null);
  if (session !== s) return;
  startDrawing(s, shape, STYLE.edit, true);
}

function newDrawn(s, layer) {
  s.layer = layer;
  if (layer.setStyle) layer.setStyle(STYLE.edit);
  // after Geoman has left drawing mode (which turns editing of drawn markers off again)
  setTimeout(() => {
    if (session === s) layer.pm.enable(Object.assign({}, EDIT_OPTS, s.shape === 'Marker' ? { draggable: true } : {}));
  }, 0);
  watchEdits(layer);
  barSet('hint', esc(t(s.shape === 'Marker' ? 'edit.hint.adjust.point' : 'edit.hint.adjust')));
  barButtons([{ label: t('edit.cancel'), act: endSession }]);
  updateLive();
  renderPanel();
  ZA.showPanel('edit');
}

// ---- editing the shape of a feature ---------------------------------------------------------------

async function startGeometry(c, id) {
  const item = known.get(c + ':' + id);
  if (!item || !item.feature.geometry) return;
  const s = beginSession({ kind: 'geometry', collection: c, id, etag: item.etag, feature: item.feature });
  const point = item.feature.geometry.type === 'Point';
  openBar(t('edit.title.geometry', { what: what(c, item.feature, id) }));
  barSet('hint', esc(t(point ? 'edit.hint.geometry.point' : 'edit.hint.geometry')));
  barSet('body', reasonHtml(false));
  barButtons([
    { label: t('edit.save'), act: () => saveGeometry(s), primary: true, id: 'save' },
    { label: t('edit.cancel'), act: endSession },
  ]);
  keepInView(item.feature.geometry);
  await addSnap(s, id);
  if (session !== s) return;
  s.layer = editableLayer(item.feature.geometry).addTo(map);
  s.layer.pm.enable(Object.assign({}, EDIT_OPTS, point ? { draggable: true } : {}));
  watchEdits(s.layer);
  updateLive();
}

async function saveGeometry(s) {
  if (session !== s || !s.layer) return;
  const geometry = geometryOf(s.layer);
  const reason = barEl.querySelector('input[name=reason]').value.trim();
  const btn = barEl.querySelector('[data-bar=save]');
  btn.disabled = true;
  btn.textContent = t('edit.saving');
  barSet('msg', '');
  clearProblems();
  const r = await send('PATCH', itemPath(s.collection, s.id), { body: { geometry }, type: 'application/merge-patch+json', etag: s.etag, reason });
  if (session !== s) return;
  btn.disabled = false;
  btn.textContent = t('edit.save');
  if (r.ok) {
    remember(s.collection, r.body, r.etag);
    ZA.refreshFeatures(s.collection, { features: [r.body] });
    endSession();
    await ZA.selectFeature(s.collection, s.id, { fit: false });
    toast(t('edit.saved', { what: what(s.collection, r.body, s.id) }));
    return;
  }
  showBarFailure(s, r, geometry);
}

/** A refusal in the bar: the problems listed (repaired shape offered), marked on the map; 412 with reload. */
async function showBarFailure(s, r, sent) {
  const msg = barPart('msg');
  if (r.status === 412) {
    msg.innerHTML = staleHtml();
    msg.hidden = false;
    wireReload(msg, s.collection, s.id);
    return;
  }
  const errors = (r.body && r.body.errors) || [];
  if (r.status === 422 && errors.length) {
    const schema = await schemaOf(s.collection).catch(() => null);
    if (session !== s) return;
    problemsList(msg, errors, schema, s.layer ? (g) => {
      replaceGeometry(s.layer, g);
      updateLive();
      barSet('msg', esc(t('edit.problem.suggested')));
    } : null);
    showProblemsOnMap(errors, sent);
    return;
  }
  barSet('msg', esc(failText(r)));
}

// ---- split --------------------------------------------------------------------------------------

function startSplit(id) {
  const item = known.get('parcels:' + id);
  if (!item) return;
  const s = beginSession({ kind: 'split', collection: 'parcels', id, etag: item.etag, feature: item.feature, line: null });
  openBar(t('edit.title.split', { id: parcelLabel(id) }));
  barSet('hint', esc(t('edit.hint.split')));
  splitButtons(s);
  keepInView(item.feature.geometry);
  startDrawing(s, 'Line', STYLE.line, false);
}

function splitButtons(s) {
  barButtons([
    { label: t('edit.finish'), act: finishDrawing, hidden: !!s.line },
    { label: t('edit.split.confirm'), act: () => confirmSplit(s), primary: true, id: 'split', hidden: !s.line, disabled: !s.lineCrosses },
    { label: t('edit.split.redraw'), act: () => redrawSplit(s), hidden: !s.line },
    { label: t('edit.cancel'), act: endSession },
  ]);
}

function splitDrawn(s, layer) {
  map.removeLayer(layer);
  s.line = { type: 'LineString', coordinates: geometryOf(layer).coordinates };
  if (s.onMove) map.off('mousemove', s.onMove);
  s.onMove = null;
  const { crossings, parts } = splitPreview(s.feature.geometry, s.line.coordinates);
  s.lineCrosses = crossings >= 2;
  const g = L.featureGroup();
  (parts || []).forEach((ring, i) => {
    const col = STYLE.parts[i % STYLE.parts.length];
    const area = areaM2(toLatLngs(ring)).area;
    L.polygon(toLatLngs(ring), Object.assign({}, TEMP, { color: col, weight: 2, fillColor: col, fillOpacity: 0.4 }))
      .bindTooltip(esc((i + 1) + t('sep.colon') + formatArea(area)), { permanent: true, direction: 'center', className: 'ze-part-label' })
      .addTo(g);
  });
  L.polyline(toLatLngs(s.line.coordinates), Object.assign({}, TEMP, STYLE.line)).addTo(g);
  s.preview = g.addTo(map);
  let body;
  if (!s.lineCrosses) body = `<p class="ze-warn">${esc(t('edit.split.cross'))}</p>`;
  else if (!parts) body = `<p>${esc(t('edit.split.many'))}</p>`;
  else body = `<p>${esc(t('edit.split.preview', { n: parts.length }))}</p>`;
  barSet('live', '');
  barSet('hint', '');
  barSet('body', body + (s.lineCrosses ? reasonHtml(false, s.reason) : ''));
  splitButtons(s);
  const input = barEl.querySelector('input[name=reason]');
  if (input) input.focus();
}

function redrawSplit(s) {
  if (session !== s) return;
  const input = barEl.querySelector('input[name=reason]');
  if (input) s.reason = input.value;
  if (s.preview) map.removeLayer(s.preview);
  s.preview = null;
  s.line = null;
  s.lineCrosses = false;
  clearProblems();
  barSet('body', '');
  barSet('msg', '');
  barSet('hint', esc(t('edit.hint.split')));
  splitButtons(s);
  startDrawing(s, 'Line', STYLE.line, false);
}

async function confirmSplit(s) {
  if (session !== s || !s.line) return;
  const reason = barEl.querySelector('input[name=reason]').value.trim();
  const btn = barEl.querySelector('[data-bar=split]');
  btn.disabled = true;
  btn.textContent = t('edit.saving');
  barSet('msg', '');
  const r = await send('POST', itemPath('parcels', s.id) + '/split', { body: { line: s.line }, etag: s.etag, reason });
  if (session !== s) return;
  btn.disabled = false;
  btn.textContent = t('edit.split.confirm');
  if (r.ok && r.body && Array.isArray(r.body.features)) {
    const parts = r.body.features;
    // the parts come without their land-use links: the card reads each again when shown
    for (const f of parts) remember('parcels', f, f.etag, false);
    ZA.refreshFeatures('parcels', { removed: [s.id], features: parts });
    endSession();
    if (parts.length) await ZA.selectFeature('parcels', parts[0].id, { fit: false });
    toast(t('edit.split.done', { n: parts.length, ids: listJoin(parts.map((f) => parcelLabel(f.id))) }));
    return;
  }
  showBarFailure(s, r, s.line);
}

// ---- merge --------------------------------------------------------------------------------------

function startMerge(id) {
  const item = known.get('parcels:' + id);
  if (!item) return;
  const s = beginSession({ kind: 'merge', collection: 'parcels', id, etag: item.etag, feature: item.feature, picks: new Map() });
  openBar(t('edit.title.merge', { id: parcelLabel(id) }));
  barSet('hint', esc(t('edit.hint.merge')));
  barSet('body', `<p class="ze-merge-list"></p>${reasonHtml(false)}`);
  map.getContainer().classList.add('ze-picking');
  s.onClick = async (e) => {
    let f = ZA.parcelAt(e.latlng);
    if (!f || f.id === s.id) return;
    if (s.picks.has(f.id)) {
      s.picks.delete(f.id);
      mergeShow(s);
      return;
    }
    if (!f.geometry) {
      // the map draws parcels from vector tiles, which carry no full shape: read the parcel
      try {
        f = (await readItem('parcels', f.id)).feature;
      } catch (err) {
        if (session === s) barSet('msg', esc(err.message));
        return;
      }
      if (session !== s) return;
    }
    s.picks.set(f.id, f);
    mergeShow(s);
  };
  map.on('click', s.onClick);
  mergeShow(s);
  keepInView(item.feature.geometry);
}

function mergeShow(s) {
  if (s.picked) map.removeLayer(s.picked);
  s.picked = L.geoJSON({ type: 'FeatureCollection', features: [...s.picks.values()] }, Object.assign({}, TEMP, { style: () => STYLE.pick })).addTo(map);
  const list = barEl.querySelector('.ze-merge-list');
  if (!s.picks.size) list.textContent = t('edit.merge.none');
  else {
    const m2 = [s.feature, ...s.picks.values()].reduce((a, f) => a + geomAreaM2(f.geometry), 0);
    list.textContent = t('edit.merge.list', { others: listJoin([...s.picks.keys()].map(parcelLabel)), id: parcelLabel(s.id), area: formatArea(m2) });
  }
  barButtons([
    { label: t('edit.merge.confirm'), act: () => confirmMerge(s), primary: true, id: 'merge', disabled: !s.picks.size },
    { label: t('edit.cancel'), act: endSession },
  ]);
}

async function confirmMerge(s) {
  if (session !== s || !s.picks.size) return;
  const reason = barEl.querySelector('input[name=reason]').value.trim();
  const btn = barEl.querySelector('[data-bar=merge]');
  btn.disabled = true;
  btn.textContent = t('edit.saving');
  barSet('msg', '');
  const others = [...s.picks.keys()];
  let tags;
  try {
    // one ETag per parcel, this one first: each must still be the version the user saw
    tags = [s.etag, ...(await Promise.all(others.map((o) => readItem('parcels', o).then((x) => x.etag))))];
  } catch (e) {
    if (session !== s) return;
    barSet('msg', esc(e.message));
    btn.disabled = false;
    btn.textContent = t('edit.merge.confirm');
    return;
  }
  const r = await send('POST', itemPath('parcels', s.id) + '/merge', { body: { with: others }, etag: tags.join(', '), reason });
  if (session !== s) return;
  btn.disabled = false;
  btn.textContent = t('edit.merge.confirm');
  if (r.ok) {
    remember('parcels', r.body, r.etag);
    ZA.refreshFeatures('parcels', { removed: others, features: [r.body] });
    endSession();
    await ZA.selectFeature('parcels', s.id, { fit: false });
    toast(t('edit.merge.done', { what: what('parcels', r.body, s.id) }));
    return;
  }
  showBarFailure(s, r, null);
}

// ---- delete and revert ----------------------------------------------------------------------------

function startDelete(c, id) {
  const item = known.get(c + ':' + id);
  if (!item) return;
  const name = what(c, item.feature, id);
  confirmDialog({
    title: t('edit.delete.title', { what: name }),
    text: t('edit.delete.text', { what: name }),
    confirm: t('edit.delete'),
    danger: true,
    onConfirm: async (reason, dlg) => {
      const r = await send('DELETE', itemPath(c, id), { etag: item.etag, reason });
      if (!r.ok) {
        dlg.error(r.status === 412 ? staleHtml() : esc(failText(r)));
        if (r.status === 412) wireReload(document.querySelector('.ze-modal-msg'), c, id);
        return false;
      }
      known.delete(c + ':' + id);
      ZA.refreshFeatures(c, { removed: [id] });
      ZA.clearSelection();
      toast(t('edit.deleted', { what: name }), { label: t('edit.undo'), act: () => undoDelete(c, id, name) });
      return true;
    },
  });
}

async function undoDelete(c, id, name) {
  let h;
  try {
    h = await ZA.api(itemPath(c, id) + '/history');
  } catch (e) {
    toast(t('hist.failed'));
    return;
  }
  const last = h.versions && h.versions[0];
  if (last) revertTo(c, id, last.version, name, true);
}

/** Back to an earlier version (a new version); a deleted feature comes back without If-Match. */
function revertTo(c, id, version, name, deleted) {
  confirmDialog({
    title: t('edit.revert.title', { v: version }),
    text: t('edit.revert.text', { what: name, v: version }),
    confirm: t('hist.revert'),
    reasonRequired: true,
    onConfirm: async (reason, dlg) => {
      let etag = null;
      if (!deleted) {
        try {
          etag = (await readItem(c, id)).etag;
        } catch (e) {
          dlg.error(esc(e.message));
          return false;
        }
      }
      const r = await send('POST', itemPath(c, id) + '/revert', { body: { version }, etag, reason });
      if (!r.ok) {
        const errors = (r.body && r.body.errors) || [];
        if (r.status === 422 && errors.length) {
          const schema = await schemaOf(c).catch(() => null);
          dlg.error(`<ul class="ze-problems">${errors.map((er) => `<li><b>${esc(fieldTitle(schema, er.field))}</b>${esc(t('sep.colon'))}${esc(problemText(er))}</li>`).join('')}</ul>`);
          showProblemsOnMap(errors, null);
        } else {
          dlg.error(r.status === 412 ? staleHtml() : esc(failText(r)));
          if (r.status === 412) wireReload(document.querySelector('.ze-modal-msg'), c, id);
        }
        return false;
      }
      clearProblems();
      remember(c, r.body, r.etag);
      ZA.refreshFeatures(c, { features: [r.body] });
      await ZA.selectFeature(c, id, { fit: deleted });
      toast(t('edit.reverted', { what: name, v: version }));
      return true;
    },
  });
}

// ---- the attribute form ---------------------------------------------------------------------------

let uid = 0;

function fieldHtml(c, name, def, value, o) {
  const id = 'ze-f' + (++uid);
  const [label, unitInTitle] = splitUnit(titleOf(def, name));
  const req = o.required ? `<abbr class="ze-req" title="${esc(t('edit.required'))}">*</abbr>` : '';
  const head = `<label class="ze-label" for="${id}">${esc(label)}${req}</label>`;
  const err = `<div class="ze-err" data-err="${esc(name)}"></div>`;
  const wrap = (inner, cls = '') => `<div class="ze-field ${cls}" data-field="${esc(name)}">${head}${inner}${err}</div>`;
  const data = `id="${id}" data-name="${esc(name)}"`;

  if (def.readOnly) {
    // worked out by the server: shown under its full title (two areas differ only by their unit)
    return `<div class="ze-field ze-ro" data-field="${esc(name)}"><span class="ze-label">${esc(titleOf(def, name))}</span>
      <div class="ze-ro-value">${roValue(c, name, value)}</div></div>`;
  }
  if (name === 'land_use_code') {
    const shown = value ? enumLabel(c, name, def, value) : '';
    return wrap(`<div class="ze-combo"><input type="text" ${data} data-kind="code" autocomplete="off" spellcheck="false"
      value="${esc(shown)}" data-value="${esc(value || '')}" placeholder="${esc(t('edit.landuse.hint'))}">
      <span class="swatch ze-code-swatch" style="background:${value ? landUseColor(value) : 'transparent'}"></span></div>`);
  }
  if (name === 'status' && c === 'parcels') {
    const trans = def['x-transitions'] || {};
    const codes = o.isNew || !value ? def.enum || [] : [value, ...(trans[value] || [])];
    const note = o.isNew || !value ? t('edit.status.new')
      : (trans[value] || []).length ? t('edit.status.cycle', { from: enumLabel(c, name, def, value), next: listJoin((trans[value] || []).map((s) => enumLabel(c, name, def, s))) })
        : t('edit.status.end', { from: enumLabel(c, name, def, value) });
    const opts = (o.isNew && !value ? `<option value="">${esc(t('edit.choose'))}</option>` : '')
      + codes.map((s) => `<option value="${esc(s)}"${s === value ? ' selected' : ''}>${esc(enumLabel(c, name, def, s))}</option>`).join('');
    return wrap(`<div class="ze-status"><span class="swatch" style="background:${STATUS_COLORS[value] || 'transparent'}"></span>
      <select ${data} data-kind="enum">${opts}</select></div><div class="ze-note">${esc(note)}</div>`);
  }
  if (def.enum) {
    const none = name === 'zone' && c !== 'enterprises' ? t('edit.auto') : t('edit.none');
    const empty = o.required && value ? '' : `<option value="">${esc(o.required ? t('edit.choose') : none)}</option>`;
    const codes = def.enum.includes(value) || !value ? def.enum : [value, ...def.enum];
    return wrap(`<select ${data} data-kind="enum">${empty}${codes.map((s) => `<option value="${esc(s)}"${s === value ? ' selected' : ''}>${esc(enumLabel(c, name, def, s))}</option>`).join('')}</select>`);
  }
  if (REFS[name]) {
    // the boards and parks of the feature's zone (all of them when it has none yet)
    const zone = o.zone;
    const list = ZA.planFeatures(REFS[name]).filter((x) => x.id !== o.self && (!zone || !x.zone || x.zone === zone || x.id === value)).sort((a, b) => (ZA.i18n.pick(a.name_zh, a.name_en) || '').localeCompare(ZA.i18n.pick(b.name_zh, b.name_en) || '', 'zh'));
    if (value && !list.some((x) => x.id === value)) list.unshift({ id: value, name_zh: value, name_en: value });
    const empty = c === 'parcels' ? t('edit.auto') : t('edit.none');
    return wrap(`<select ${data} data-kind="enum"><option value="">${esc(empty)}</option>${list.map((x) => `<option value="${esc(x.id)}"${x.id === value ? ' selected' : ''}>${esc(ZA.i18n.pick(x.name_zh, x.name_en) || x.id)}</option>`).join('')}</select>`);
  }
  if (def.type === 'boolean') {
    return `<div class="ze-field ze-check" data-field="${esc(name)}"><label><input type="checkbox" ${data} data-kind="bool"${value ? ' checked' : ''}> ${esc(label)}</label>${err}</div>`;
  }
  if (def.type === 'number' || def.type === 'integer') {
    const pct = PERCENT.has(name);
    const year = def.type === 'integer';
    const shown = value === null || value === undefined ? '' : pct ? String(Math.round(value * 1e6) / 1e4) : String(value);
    const unit = pct ? '%' : unitInTitle;
    return wrap(`<span class="ze-num"><input type="number" ${data} data-kind="${pct ? 'percent' : 'number'}" step="${year ? 1 : 'any'}"
      inputmode="${year ? 'numeric' : 'decimal'}" value="${esc(shown)}">${unit ? `<span class="ze-unit">${esc(unit)}</span>` : ''}</span>`);
  }
  if (LONG_TEXT.has(name)) return wrap(`<textarea ${data} data-kind="text" rows="3">${esc(value || '')}</textarea>`);
  return wrap(`<input type="text" ${data} data-kind="text" value="${esc(value === null || value === undefined ? '' : value)}">`);
}

/** A value the server works out, as the detail card shows it. */
function roValue(c, name, v) {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'boolean') return esc(v ? t('yes') : t('no'));
  if (name === 'area_mu') return esc(fmt(v, v < 100 ? 2 : 1));
  if (name === 'area_m2') return esc(fmt(v, 0) + ' (' + fmt(v / 10000, 2) + ' ' + t('unit.ha') + ')');
  if (typeof v === 'number') return esc(fmt(v, Number.isInteger(v) ? 0 : 2));
  return esc(v);
}

function linkRowHtml(link, ofParcel) {
  const other = ofParcel ? 'enterprise_id' : 'parcel_id';
  const otherId = link[other] || '';
  const name = ofParcel ? ZA.i18n.pick(link.enterprise_name_zh, link.enterprise_name_en) : '';
  const share = link.share === null || link.share === undefined ? '' : String(Math.round(link.share * 1e6) / 1e4);
  return `<div class="ze-link">
    <div class="ze-link-who"><span class="ze-label">${esc(t(ofParcel ? 'edit.links.enterprise' : 'edit.links.parcel'))}</span>
      <div class="ze-combo"><input type="text" data-l="id" autocomplete="off" spellcheck="false" value="${esc(otherId)}"
        placeholder="${esc(t(ofParcel ? 'edit.links.search.enterprise' : 'edit.links.search.parcel'))}"
        aria-label="${esc(t(ofParcel ? 'edit.links.enterprise' : 'edit.links.parcel'))}"></div>
      <div class="ze-link-name">${esc(name)}</div><div class="ze-err" data-sub="${other}"></div></div>
    <div><span class="ze-label">${esc(t('edit.links.role'))}</span>
      <select data-l="role" aria-label="${esc(t('edit.links.role'))}"><option value="owner"${link.role !== 'tenant' ? ' selected' : ''}>${esc(t('edit.links.owner'))}</option>
      <option value="tenant"${link.role === 'tenant' ? ' selected' : ''}>${esc(t('edit.links.tenant'))}</option></select><div class="ze-err" data-sub="role"></div></div>
    <div><span class="ze-label">${esc(t('edit.links.share'))}</span><span class="ze-num"><input type="number" data-l="share" min="0" max="100" step="any"
      inputmode="decimal" value="${esc(share)}" aria-label="${esc(t('edit.links.share'))}"><span class="ze-unit">%</span></span><div class="ze-err" data-sub="share"></div></div>
    <div><span class="ze-label">${esc(t('edit.links.since'))}</span><input type="number" data-l="since" step="1" inputmode="numeric"
      value="${esc(link.since_year || '')}" aria-label="${esc(t('edit.links.since'))}"><div class="ze-err" data-sub="since_year"></div></div>
    <button type="button" class="ze-link-del" title="${esc(t('edit.links.remove'))}" aria-label="${esc(t('edit.links.remove'))}">×</button>
    <div class="ze-err ze-link-err" data-sub=""></div>
  </div>`;
}

/** Suggestions under an input: source(query) gives [{value, label, sub}] (or a Promise of them); onPick(item). */
function attachSuggest(input, source, onPick) {
  const ul = document.createElement('ul');
  ul.className = 'ze-suggest';
  ul.hidden = true;
  input.after(ul);
  let items = [];
  let active = -1;
  let seq = 0;
  let timer = null;
  const paint = () => ul.querySelectorAll('li[data-i]').forEach((li) => li.classList.toggle('active', Number(li.dataset.i) === active));
  const show = async () => {
    const my = ++seq;
    let list;
    try {
      list = await source(input.value.trim());
    } catch (e) {
      list = [];
    }
    if (my !== seq || document.activeElement !== input) return;
    items = list.slice(0, 40);
    active = -1;
    ul.innerHTML = items.length
      ? items.map((it, i) => `<li data-i="${i}"><span>${esc(it.label)}</span>${it.sub ? `<small>${esc(it.sub)}</small>` : ''}</li>`).join('')
      : `<li class="ze-suggest-none">${esc(t('edit.suggest.none'))}</li>`;
    ul.hidden = false;
  };
  const hide = () => {
    seq++;
    ul.hidden = true;
  };
  const pick = (i) => {
    if (!items[i]) return;
    onPick(items[i]);
    hide();
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(show, 180);
  });
  input.addEventListener('focus', show);
  input.addEventListener('blur', () => setTimeout(hide, 120));
  input.addEventListener('keydown', (e) => {
    if (ul.hidden) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = Math.max(0, Math.min(items.length - 1, active + (e.key === 'ArrowDown' ? 1 : -1)));
      paint();
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      pick(active);
    } else if (e.key === 'Escape') hide();
  });
  ul.addEventListener('mousedown', (e) => {
    e.preventDefault(); // keep the focus in the input until the pick is made
    const li = e.target.closest('li[data-i]');
    if (li) pick(Number(li.dataset.i));
  });
}

function wireLandUse(input, def) {
  const codes = def.enum || [];
  const labels = def['x-labels'] || {};
  const swatch = input.parentElement.querySelector('.ze-code-swatch');
  const set = (code) => {
    input.dataset.value = code;
    input.value = enumLabel('parcels', 'land_use_code', def, code);
    swatch.style.background = landUseColor(code);
  };
  attachSuggest(input, (q) => {
    const query = q.toLowerCase();
    const current = enumLabel('parcels', 'land_use_code', def, input.dataset.value);
    const all = !query || q === current;
    return codes.filter((code) => all || code.startsWith(query) || (labels[code] || '').includes(q)
      || landUseName(code, labels[code], ZA.lang).toLowerCase().includes(query))
      .map((code) => ({ value: code, label: enumLabel('parcels', 'land_use_code', def, code) }));
  }, (it) => set(it.value));
  input.addEventListener('input', () => {
    input.dataset.value = '';
  });
  input.addEventListener('change', () => {
    // typed, not picked: a known code at the start of the text counts
    const m = /^\s*(\d{2,6})\b/.exec(input.value);
    if (!input.dataset.value && m && codes.includes(m[1])) set(m[1]);
  });
}

function wireLinkRow(row, ofParcel) {
  const input = row.querySelector('[data-l=id]');
  const name = row.querySelector('.ze-link-name');
  const target = ofParcel ? 'enterprises' : 'parcels';
  attachSuggest(input, async (q) => {
    if (!q) return [];
    const r = await ZA.api('/api/search?q=' + encodeURIComponent(q));
    return (r.results || []).filter((h) => h.collection === target).map((h) => ({
      value: h.id,
      label: target === 'parcels' ? h.id : ZA.i18n.pick(h.name_zh, h.name_en) || h.id,
      sub: target === 'parcels' ? landUseName(h.kind, h.name_zh, ZA.lang) : h.id,
      name: target === 'parcels' ? '' : ZA.i18n.pick(h.name_zh, h.name_en),
    }));
  }, (it) => {
    input.value = it.value;
    name.textContent = it.name || '';
  });
  input.addEventListener('input', () => (name.textContent = ''));
  row.querySelector('.ze-link-del').addEventListener('click', () => row.remove());
}

function readControl(ctl) {
  const k = ctl.dataset.kind;
  if (k === 'bool') return ctl.checked;
  if (k === 'code') return ctl.dataset.value || ctl.value.trim() || null;
  const v = ctl.value.trim();
  if (v === '') return null;
  if (k === 'number' || k === 'percent') {
    const n = Number(v);
    // not a number: sent as typed, so the server's refusal shows next to the field
    if (!Number.isFinite(n)) return v;
    return k === 'percent' ? Math.round((n / 100) * 1e8) / 1e8 : n;
  }
  return v;
}

function same(a, b) {
  const empty = (x) => x === null || x === undefined || x === '';
  if (empty(a) && empty(b)) return true;
  if (empty(a) || empty(b)) return false;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return String(a) === String(b);
}

function linksOf(list, ofParcel) {
  const other = ofParcel ? 'enterprise_id' : 'parcel_id';
  return (list || []).map((l) => ({
    [other]: l[other], role: l.role || 'owner', share: l.share === null || l.share === undefined ? null : Math.round(l.share * 1e6) / 1e6,
    since_year: l.since_year === undefined ? null : l.since_year,
  }));
}

function readLinks(form, ofParcel) {
  const other = ofParcel ? 'enterprise_id' : 'parcel_id';
  return [...form.querySelectorAll('.ze-link')].map((row, i) => {
    // the server names a link's problems by its place in the list as sent
    row.querySelectorAll('.ze-err').forEach((e) => (e.dataset.err = 'land_uses[' + i + ']' + (e.dataset.sub ? '.' + e.dataset.sub : '')));
    const share = row.querySelector('[data-l=share]').value.trim();
    const since = row.querySelector('[data-l=since]').value.trim();
    const shareN = Number(share);
    return {
      [other]: row.querySelector('[data-l=id]').value.trim(),
      role: row.querySelector('[data-l=role]').value,
      share: share === '' ? null : Number.isFinite(shareN) ? Math.round((shareN / 100) * 1e6) / 1e6 : share,
      since_year: since === '' ? null : Number.isFinite(Number(since)) ? Number(since) : since,
    };
  });
}

/**
 * The attribute form, from the collection's schema, into {@code host}.
 *
 * @param o.collection the layer
 * @param o.feature the feature as read (null for a new one)
 * @param o.etag its ETag (sent as If-Match)
 * @param o.session the shape session of a new feature (its geometry is sent; live area shown)
 */
async function openForm(host, o) {
  const c = o.collection;
  const isNew = !o.feature;
  host.innerHTML = `<p class="za-muted">${esc(t('details.loading'))}</p>`;
  let schema;
  try {
    schema = await schemaOf(c);
  } catch (e) {
    host.innerHTML = `<p class="ze-error">${esc(errorText(e))}</p>`;
    return;
  }
  if (!host.isConnected) return;
  const props = schema.properties || {};
  const required = new Set(schema.required || []);
  const p = isNew ? {} : o.feature.properties || {};
  const ofParcel = c === 'parcels';
  const fields = Object.entries(props).filter(([name]) => name !== 'land_uses')
    .filter(([name, def]) => !(isNew && (def.readOnly || (ofParcel && PLACED.has(name))))).map(([name, def]) => fieldHtml(c, name, def, p[name], { required: required.has(name), isNew, zone: p.zone, self: isNew ? null : o.feature.id })).join('');
  const links = props.land_uses ? `<fieldset class="ze-links" data-field="land_uses"><legend>${esc(titleOf(props.land_uses, 'land_uses'))}</legend>
      <div class="ze-link-rows">${(p.land_uses || []).map((l) => linkRowHtml(l, ofParcel)).join('')}</div>
      <button type="button" class="btn btn-small" data-act="add-link">${esc(t(ofParcel ? 'edit.links.add.enterprise' : 'edit.links.add.parcel'))}</button>
      <div class="ze-err" data-err="land_uses"></div></fieldset>` : '';
  const title = isNew ? t('edit.new.form', { layer: layerName(c) }) : t('edit.attrs.title');
  host.innerHTML = `<form class="ze-form" novalidate data-collection="${esc(c)}">
      <h3 class="za-h3">${esc(title)}</h3>
      ${o.session ? '<div class="ze-live" data-live hidden></div>' : ''}
      ${isNew && ofParcel ? `<p class="ze-note">${esc(t('edit.placed'))}</p>` : ''}
      <div class="ze-general" role="alert" hidden></div>
      ${fields}${links}
      <div class="ze-field ze-reason-field" data-field="reason"><label class="ze-label" for="ze-reason-${++uid}">${esc(t('edit.reason'))}</label>
        <input type="text" id="ze-reason-${uid}" name="reason" maxlength="500" autocomplete="off" placeholder="${esc(t('edit.reason.hint'))}">
        <div class="ze-err" data-err="X-Change-Reason"></div></div>
      <div class="ze-buttons"><button type="submit" class="btn btn-primary" data-act="save">${esc(t('edit.save'))}</button>
        <button type="button" class="btn" data-act="cancel">${esc(t('edit.cancel'))}</button></div>
    </form>`;
  const form = host.querySelector('form');
  if (o.session) {
    o.session.form = form;
    updateLive();
  }
  const lu = form.querySelector('[data-kind=code]');
  if (lu) wireLandUse(lu, props.land_use_code);
  const statusSel = form.querySelector('[data-field=status] select');
  if (statusSel && ofParcel) {
    statusSel.addEventListener('change', () => {
      const sw = form.querySelector('.ze-status .swatch');
      if (sw) sw.style.background = STATUS_COLORS[statusSel.value] || 'transparent';
    });
  }
  form.querySelectorAll('.ze-link').forEach((row) => wireLinkRow(row, ofParcel));
  const add = form.querySelector('[data-act=add-link]');
  if (add) {
    add.addEventListener('click', () => {
      const rows = form.querySelector('.ze-link-rows');
      rows.insertAdjacentHTML('beforeend', linkRowHtml({ role: 'owner', share: 1 }, ofParcel));
      const row = rows.lastElementChild;
      wireLinkRow(row, ofParcel);
      row.querySelector('[data-l=id]').focus();
    });
  }
  form.querySelector('[data-act=cancel]').addEventListener('click', () => o.onCancel());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitForm(form, o, schema, p, isNew);
  });
  form.scrollIntoView({ block: 'nearest' });
  const first = form.querySelector('input:not([type=checkbox]), select, textarea');
  if (first && !isNew) first.focus({ preventScroll: true });
}

async function submitForm(form, o, schema, p, isNew) {
  const c = o.collection;
  const ofParcel = c === 'parcels';
  const general = form.querySelector('.ze-general');
  const save = form.querySelector('[data-act=save]');
  form.querySelectorAll('.ze-err').forEach((el) => (el.textContent = ''));
  form.querySelectorAll('.ze-invalid').forEach((el) => el.classList.remove('ze-invalid'));
  general.hidden = true;
  clearProblems();
  const props = {};
  for (const ctl of form.querySelectorAll('[data-name]')) {
    const name = ctl.dataset.name;
    const v = readControl(ctl);
    if (isNew ? v !== null && v !== '' : !same(v, p[name])) props[name] = v;
  }
  if (form.querySelector('.ze-links')) {
    const links = readLinks(form, ofParcel);
    if (isNew ? links.length : JSON.stringify(links) !== JSON.stringify(linksOf(p.land_uses, ofParcel))) props.land_uses = links;
  }
  const reason = form.querySelector('input[name=reason]').value.trim();
  let geometry = null;
  if (isNew) geometry = geometryOf(o.session.layer);
  else if (!Object.keys(props).length) {
    general.textContent = t('edit.nochange');
    general.hidden = false;
    return;
  }
  save.disabled = true;
  save.textContent = t('edit.saving');
  const r = isNew
    ? await send('POST', '/collections/' + encodeURIComponent(c) + '/items', { body: { type: 'Feature', geometry, properties: props }, type: 'application/geo+json', reason })
    : await send('PATCH', itemPath(c, o.feature.id), { body: { properties: props }, type: 'application/merge-patch+json', etag: o.etag, reason });
  save.disabled = false;
  save.textContent = t('edit.save');
  if (!form.isConnected) return;
  if (r.ok && r.body) {
    const f = r.body;
    remember(c, f, r.etag);
    ZA.refreshFeatures(c, { features: [f] });
    o.onSaved(f);
    toast(t(isNew ? 'edit.created' : 'edit.saved', { what: what(c, f, f.id) }));
    return;
  }
  if (r.status === 412) {
    general.innerHTML = staleHtml();
    general.hidden = false;
    wireReload(general, c, o.feature.id);
    general.scrollIntoView({ block: 'nearest' });
    return;
  }
  const errors = (r.body && r.body.errors) || [];
  if (r.status === 422 && errors.length) {
    const rest = [];
    for (const er of errors) {
      const slot = er.field === 'geometry' ? null : form.querySelector('.ze-err[data-err="' + CSS.escape(er.field) + '"]');
      if (slot) {
        slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + problemText(er);
        const box = slot.closest('.ze-field, .ze-link > div, .ze-link, .ze-links');
        if (box) box.classList.add('ze-invalid');
      } else rest.push(er);
    }
    if (rest.length) {
      problemsList(general, rest, schema, o.session && o.session.layer ? (g) => {
        replaceGeometry(o.session.layer, g);
        updateLive();
        general.textContent = t('edit.problem.suggested');
      } : null);
      showProblemsOnMap(rest, geometry);
    }
    const first = form.querySelector('.ze-invalid') || general;
    first.scrollIntoView({ block: 'nearest' });
    const ctl = first.querySelector && first.querySelector('input, select, textarea');
    if (ctl) ctl.focus({ preventScroll: true });
    return;
  }
  const slot = r.body && r.body.parameter ? form.querySelector('.ze-err[data-err="' + CSS.escape(r.body.parameter) + '"]') : null;
  if (slot) slot.textContent = failText(r);
  else {
    general.textContent = failText(r);
    general.hidden = false;
  }
}

// ---- the card's editing section --------------------------------------------------------------------

async function renderTools(el, sel) {
  el.hidden = true;
  await probe();
  const c = sel.collection;
  if (!el.isConnected || !perms.edit.has(c) || !sel.feature) return;
  el.hidden = false;
  if (sel.asOf) {
    el.innerHTML = `<p class="ze-note">${esc(t('edit.asof.off'))}</p>`;
    return;
  }
  const parcels = c === 'parcels';
  el.innerHTML = `<div class="ze-tools" role="toolbar" aria-label="${esc(t('edit.tools'))}">
      <button type="button" class="btn btn-small" data-edit="form" disabled>${esc(t('edit.attrs'))}</button>
      <button type="button" class="btn btn-small" data-edit="geometry" disabled>${esc(t('edit.geometry'))}</button>
      ${parcels ? `<button type="button" class="btn btn-small" data-edit="split" disabled>${esc(t('edit.split'))}</button>
      <button type="button" class="btn btn-small" data-edit="merge" disabled>${esc(t('edit.merge'))}</button>` : ''}
      <button type="button" class="btn btn-small ze-danger" data-edit="delete" disabled>${esc(t('edit.delete'))}</button>
    </div>
    <div class="ze-tools-msg" role="alert" hidden></div>
    <div class="ze-form-host"></div>`;
  const msg = el.querySelector('.ze-tools-msg');
  let item;
  try {
    item = await readItem(c, sel.id);
  } catch (e) {
    if (!el.isConnected) return;
    msg.textContent = e.message;
    msg.hidden = false;
    return;
  }
  if (!el.isConnected) return;
  el.querySelectorAll('[data-edit]').forEach((b) => (b.disabled = false));
  const host = el.querySelector('.ze-form-host');
  const act = {
    form: () => {
      if (host.firstChild) {
        host.innerHTML = '';
        return;
      }
      endSession();
      const fresh = known.get(c + ':' + sel.id) || item;
      openForm(host, {
        collection: c,
        feature: fresh.feature,
        etag: fresh.etag,
        onSaved: (f) => ZA.selectFeature(c, f.id, { fit: false }),
        onCancel: () => (host.innerHTML = ''),
      });
    },
    geometry: () => startGeometry(c, sel.id),
    split: () => startSplit(sel.id),
    merge: () => startMerge(sel.id),
    delete: () => startDelete(c, sel.id),
  };
  el.querySelectorAll('[data-edit]').forEach((b) => b.addEventListener('click', () => act[b.dataset.edit]()));
}

// ---- the card's history section -------------------------------------------------------------------

let versionLayer = null;

function removeVersionOverlay() {
  if (versionLayer) map.removeLayer(versionLayer);
  versionLayer = null;
}

/**
 * The changed property names of a change record's summary, as titles ("土地状态、图形"). A change
 * names the fields of the feature it was made on: a linked feature (an enterprise whose parcel
 * changed) shows only those it has itself.
 */
function changedFields(schema, list) {
  const props = (schema && schema.properties) || {};
  const names = list.split(',').map((s) => s.trim()).filter((n) => n === 'geometry' || props[n]);
  const titles = [];
  for (const n of names) {
    const title = fieldTitle(schema, n);
    if (!titles.includes(title)) titles.push(title);
  }
  return listJoin(titles);
}

/** What a change did to this feature, in words: {op, detail, fields, parent, children}. */
function describe(c, id, m, ended, schema) {
  if (!m) return { op: t('hist.initial'), detail: t('hist.initial.text') };
  const summary = m.summary || '';
  const out = { op: t('hist.op.other') };
  const key = 'hist.op.' + m.op;
  if (t(key) !== key) out.op = t(key);
  // a change made on another feature that moved this one's land-use links along (a parcel split,
  // merged, created or deleted under an enterprise)
  const linked = m.feature_op === 'update' && (['create', 'delete', 'split'].includes(m.op) || (m.op === 'merge' && c !== 'parcels'));
  if (linked && !ended) {
    const ids = summary.replace(/^(split into|merged)\s+/, '').split(',').filter((x) => /^[\w.-]+$/.test(x));
    out.op = t('hist.op.linked');
    out.detail = t('hist.linked.' + m.op, { ids: listJoin(ids.map(parcelLabel)) });
    return out;
  }
  if (m.op === 'update' || m.op === 'replace') {
    if (summary) out.fields = changedFields(schema, summary);
  } else if (m.op === 'revert') {
    const r = /^version (\d+)(?::\s*(.*))?$/.exec(summary);
    if (r) {
      out.detail = t('hist.revert.to', { v: r[1] });
      if (r[2]) out.fields = changedFields(schema, r[2]);
    }
  } else if (m.op === 'split') {
    const ids = summary.startsWith('split into ') ? summary.slice(11).split(',').filter(Boolean) : [];
    if (ended) {
      out.op = t('hist.ended.split');
      if (ids.length) out.detail = t('hist.split.into', { ids: listJoin(ids.map(parcelLabel)) });
      out.children = ids;
    } else {
      // a part takes its parent's id with -1, -2 …
      const parent = c === 'parcels' ? /^(.+)-\d+$/.exec(id) : null;
      out.detail = parent ? t('hist.split.from', { id: parcelLabel(parent[1]) }) : t('hist.split.made');
      out.parent = parent ? parent[1] : null;
    }
  } else if (m.op === 'merge') {
    const ids = summary.startsWith('merged ') ? summary.slice(7).split(',').filter(Boolean) : [];
    if (ended || m.feature_op === 'delete') out.op = t('hist.ended.merge');
    else if (ids.length) out.detail = t('hist.merge.took', { ids: listJoin(ids.map(parcelLabel)) });
  } else if (ended && m.op === 'delete') {
    out.op = t('hist.ended.delete');
  }
  return out;
}

function changeMeta(m) {
  const who = m.username ? m.username + (ZA.lang === 'en' ? ' (' + roleWords(m.role) + ')' : '（' + roleWords(m.role) + '）') : t('hist.system');
  const cond = m.if_match
    ? `<span class="ze-cond yes" title="${esc(t('hist.cond.yes.title'))}">${esc(t('hist.cond.yes'))}</span>`
    : `<span class="ze-cond no" title="${esc(t('hist.cond.no.title'))}">${esc(t('hist.cond.no'))}</span>`;
  return `<div class="ze-h-meta"><time datetime="${esc(m.at)}">${esc(formatShanghai(m.at))}</time> · <span class="ze-h-who">${esc(who)}</span> ${cond}</div>
    <div class="ze-h-reason">${m.reason ? `${esc(t('hist.reason'))}${esc(t('sep.colon'))}<span>${esc(m.reason)}</span>` : `<span class="za-muted">${esc(t('hist.reason.none'))}</span>`}</div>`;
}

function entryHtml(c, id, v, i, schema, canRevert) {
  const d = describe(c, id, v.made_by, false, schema);
  return `<li class="ze-h-item${v.current ? ' current' : ''}" data-version="${v.version}">
    <div class="ze-h-head"><span class="ze-h-op">${esc(d.op)}</span> <span class="ze-h-ver">${esc(t('hist.version', { v: v.version }))}</span>
      ${v.current ? `<span class="ze-h-cur">${esc(t('hist.current'))}</span>` : ''}</div>
    ${v.made_by ? changeMeta(v.made_by) : `<div class="ze-h-meta"><time datetime="${esc(v.valid_from)}">${esc(formatShanghai(v.valid_from))}</time></div>`}
    ${d.detail ? `<div class="ze-h-detail">${esc(d.detail)}</div>` : ''}
    ${d.fields ? `<div class="ze-h-fields">${esc(t('hist.fields'))}${esc(t('sep.colon'))}${esc(d.fields)}</div>` : ''}
    <div class="ze-h-acts">
      ${v.geometry ? `<button type="button" class="btn btn-small" data-show="${i}">${esc(t('hist.show'))}</button>` : ''}
      ${canRevert && !v.current ? `<button type="button" class="btn btn-small" data-revert="${v.version}">${esc(t('hist.revert'))}</button>` : ''}
      ${d.parent ? `<button type="button" class="btn btn-small btn-link" data-parent="${esc(d.parent)}">${esc(t('hist.parent'))}</button>` : ''}
    </div></li>`;
}

async function renderHistory(el, c, id, back) {
  el.hidden = true;
  await probe();
  if (!el.isConnected || !seesHistory()) return;
  el.hidden = false;
  removeVersionOverlay();
  el.innerHTML = `<h3 class="za-h3">${esc(t('hist.title'))}</h3><p class="za-muted">${esc(t('hist.loading'))}</p>`;
  let h;
  let schema;
  try {
    [h, schema] = await Promise.all([ZA.api(itemPath(c, id) + '/history'), schemaOf(c).catch(() => null)]);
  } catch (e) {
    if (!el.isConnected) return;
    el.innerHTML = `<h3 class="za-h3">${esc(t('hist.title'))}</h3><p class="za-muted">${esc(t('hist.failed'))}</p>`;
    return;
  }
  if (!el.isConnected) return;
  const versions = h.versions || [];
  const latest = versions[0];
  const name = what(c, latest, id);
  const canRevert = perms.edit.has(c) && !ZA.asOf;
  let ended = '';
  if (h.deleted && latest && latest.ended_by) {
    const d = describe(c, id, latest.ended_by, true, schema);
    ended = `<li class="ze-h-item ended"><div class="ze-h-head"><span class="ze-h-op">${esc(d.op)}</span></div>
      ${changeMeta(latest.ended_by)}${d.detail ? `<div class="ze-h-detail">${esc(d.detail)}</div>` : ''}
      ${(d.children || []).length ? `<div class="ze-h-acts">${d.children.map((x) => `<button type="button" class="btn btn-small btn-link" data-open="${esc(x)}">${esc(t('hist.open', { what: what(c, null, x) }))}</button>`).join('')}</div>` : ''}</li>`;
  }
  el.innerHTML = `<h3 class="za-h3">${esc(back ? t('hist.of', { what: name }) : t('hist.title'))}</h3>
    ${back ? `<button type="button" class="btn btn-small btn-link" data-act="back">← ${esc(t('hist.back'))}</button>` : ''}
    ${h.deleted ? `<p class="za-muted">${esc(t('hist.deleted.note'))}</p>` : ''}
    <ol class="ze-hist">${ended}${versions.map((v, i) => entryHtml(c, id, Object.assign({}, v, { current: v.current && !h.deleted }), i, schema, canRevert || (h.deleted && perms.edit.has(c) && !ZA.asOf))).join('')}</ol>
    ${versions.length ? '' : `<p class="za-muted">${esc(t('hist.none'))}</p>`}`;
  const back2 = el.querySelector('[data-act=back]');
  if (back2) back2.addEventListener('click', back);
  el.querySelectorAll('[data-show]').forEach((b) => b.addEventListener('click', () => {
    const v = versions[Number(b.dataset.show)];
    const on = b.classList.contains('active');
    removeVersionOverlay();
    el.querySelectorAll('[data-show].active').forEach((x) => {
      x.classList.remove('active');
      x.textContent = t('hist.show');
    });
    if (on) return;
    versionLayer = L.geoJSON(v.geometry, Object.assign({}, TEMP, {
      style: () => STYLE.version,
      pointToLayer: (f, ll) => L.circleMarker(ll, Object.assign({}, TEMP, STYLE.version, { radius: 10 })),
    })).bindTooltip(esc(t('hist.version', { v: v.version })), { sticky: false, permanent: true, direction: 'center', className: 'ze-version-label' }).addTo(map);
    const bounds = versionLayer.getBounds();
    if (bounds.isValid() && !map.getBounds().contains(bounds)) map.fitBounds(bounds, { padding: [40, 40], maxZoom: Math.max(map.getZoom(), 16) });
    b.classList.add('active');
    b.textContent = t('hist.hide');
  }));
  el.querySelectorAll('[data-revert]').forEach((b) => b.addEventListener('click', () => revertTo(c, id, Number(b.dataset.revert), name, h.deleted)));
  el.querySelectorAll('[data-parent]').forEach((b) => b.addEventListener('click', () => renderHistory(el, c, b.dataset.parent, () => renderHistory(el, c, id, back))));
  el.querySelectorAll('[data-open]').forEach((b) => b.addEventListener('click', () => ZA.selectFeature(c, b.dataset.open, { fit: true })));
}

// ---- the 编辑 panel: new features ---------------------------------------------------------------

let panelBody = null;

function newButtons() {
  const out = [];
  for (const c of COLLECTIONS) {
    if (!perms.create.has(c)) continue;
    if (c === 'infrastructure') {
      out.push({ c, shape: 'Marker', label: t('edit.new.point', { layer: layerName(c) }) });
      out.push({ c, shape: 'Line', label: t('edit.new.line', { layer: layerName(c) }) });
      out.push({ c, shape: 'Polygon', label: t('edit.new.polygon', { layer: layerName(c) }) });
    } else {
      out.push({ c, shape: c === 'enterprises' ? 'Marker' : 'Polygon', label: t('edit.new', { layer: layerName(c) }) });
    }
  }
  return out;
}

function renderPanel() {
  if (!panelBody) return;
  ZA.setPanelVisible('edit', perms.create.size > 0);
  const s = session && session.kind === 'new' ? session : null;
  if (s && s.layer && s.formHost && s.formHost.isConnected) return;
  if (ZA.asOf) {
    panelBody.innerHTML = `<h3 class="za-h3">${esc(t('edit.new.head'))}</h3><p class="ze-note">${esc(t('edit.asof.off'))}</p>`;
    return;
  }
  const buttons = newButtons();
  panelBody.innerHTML = `<h3 class="za-h3">${esc(t('edit.new.head'))}</h3>
    <p class="za-muted">${esc(t(buttons.length ? 'edit.new.hint' : 'edit.nothing'))}</p>
    <div class="ze-new">${buttons.map((b, i) => `<button type="button" class="btn btn-small${s && s.collection === b.c && s.shape === b.shape ? ' active' : ''}"
      data-new="${i}" data-collection="${esc(b.c)}">${esc(b.label)}</button>`).join('')}</div>
    <div class="ze-new-status"></div><div class="ze-new-form"></div>`;
  panelBody.querySelectorAll('[data-new]').forEach((b) => b.addEventListener('click', () => {
    const n = buttons[Number(b.dataset.new)];
    if (s && s.collection === n.c && s.shape === n.shape) endSession();
    else startNew(n.c, n.shape);
  }));
  if (!s) return;
  if (!s.layer) {
    panelBody.querySelector('.ze-new-status').innerHTML = `<p class="ze-note">${esc(t('edit.new.drawing', { layer: layerName(s.collection) }))}</p>`;
    return;
  }
  s.formHost = panelBody.querySelector('.ze-new-form');
  openForm(s.formHost, {
    collection: s.collection,
    feature: null,
    session: s,
    onSaved: (f) => {
      endSession();
      ZA.selectFeature(s.collection, f.id, { fit: false });
    },
    onCancel: endSession,
  });
}

ZA.registerPanel({
  id: 'edit',
  titleZh: '编辑',
  titleEn: 'Edit',
  render(el) {
    panelBody = el;
    el.classList.add('ze-panel');
    renderPanel();
  },
  onLangChange() {
    // a form being filled in stays as it is; the buttons are relabelled
    if (!(session && session.kind === 'new' && session.layer)) renderPanel();
  },
});
ZA.setPanelVisible('edit', false);

ZA.addCardSection({ id: 'edit', top: true, render: renderTools });
ZA.addCardSection({ id: 'history', render: (el, sel) => renderHistory(el, sel.collection, sel.id) });

ZA.onAuthChange(() => {
  endSession();
  probe();
});
ZA.onAsOfChange(() => {
  endSession();
  renderPanel();
});
ZA.onSelect((sel) => {
  removeVersionOverlay();
  // a shape session belongs to its feature
  if (session && session.kind !== 'new' && (!sel || sel.collection !== session.collection || sel.id !== session.id)) endSession();
});
ZA.ready.then(() => probe());

// for the browser tests
ZA.test.edit = {
  /** The ETag the next write of a feature would send. */
  etag: (c, id) => (known.get(c + ':' + id) || {}).etag || null,
  session: () => (session ? session.kind : null),
  /** The Leaflet layer being drawn or edited (tests move its vertices). */
  layer: () => (session && session.layer) || null,
  perms: () => perms.ready.then(() => ({ create: [...perms.create], edit: [...perms.edit] })),
  splitPreview,
};
