/** Messages of optional sync through CouchDB. Chinese is the source. */
export const syncZh = {
	'sync.title': '同步（CouchDB）',
	'sync.intro':
		'可选：通过 Apache CouchDB 服务器在多台设备、团队成员或各部门之间同步评估。不开启时，本应用不会连接除自身以外的任何地址。密码只用于登录一次，不会保存在本设备上；登录过期后会再次询问。',
	'sync.server': '服务器地址',
	'sync.serverHint': '例如 https://couch.example.gov.cn（需已为本应用的地址开启 CORS）',
	'sync.database': '数据库名称',
	'sync.user': '用户名',
	'sync.password': '密码',
	'sync.subjects': '同步哪些评估对象',
	'sync.subjectsAll': '全部',
	'sync.subjectsChosen': '只同步选中的',
	'sync.mode': '同步方式',
	'sync.modeLive': '实时（连接中断后自动重试）',
	'sync.modeManual': '手动（点击“立即同步”时）',
	'sync.connect': '连接并开始同步',
	'sync.now': '立即同步',
	'sync.off': '关闭同步',
	'sync.offDone': '同步已关闭。全部记录仍保存在本设备上，可照常离线使用。',
	'sync.reloaded': '已允许本应用连接到 {origin}。请再次输入密码以登录（密码不会保存）。',
	'sync.header': '同步：{phase}',
	'sync.phase.off': '未开启',
	'sync.phase.connecting': '正在连接……',
	'sync.phase.syncing': '正在同步……',
	'sync.phase.idle': '已同步',
	'sync.phase.offline': '离线：稍后自动继续',
	'sync.phase.login': '需要重新登录',
	'sync.phase.error': '同步出错',
	'sync.lastSync': '上次同步：{time}',
	'sync.neverSynced': '尚未同步',
	'sync.pending': '待上传的更改：{count}',
	'sync.conflictCount': '待处理的冲突：{count}',
	'sync.quarantineCount': '已隔离的文档：{count}',
	'sync.status': '同步状态',
	'sync.details': '同步详情',
	'sync.loggedInAs': '已登录：{user}',
	'sync.configured': '服务器：{server}，数据库：{database}',
	'sync.page': '同步状态与冲突',
	'sync.setup.server-url':
		'服务器地址无效：请输入以 http:// 或 https:// 开头的完整地址，不要包含用户名、密码或“?”后的参数。',
	'sync.setup.database-name':
		'数据库名称无效：须以小写字母开头，只能包含小写字母、数字和 _ $ ( ) + - /。',
	'sync.setup.user': '请输入用户名。',
	'sync.setup.password': '请输入密码。',
	'sync.setup.no-worker':
		'本应用尚未完成离线准备，暂时无法允许连接到服务器。请等待页面顶部显示“已可离线使用”后再试。',
	'sync.problem.unreachable':
		'无法连接到服务器：请检查地址是否正确、服务器是否运行，以及服务器是否已为本应用的地址开启 CORS。本设备上的数据未受影响。',
	'sync.problem.not-couch':
		'该地址不是 CouchDB 服务器（它的回应不是 CouchDB 的欢迎信息）。请检查地址，例如是否漏写了端口或路径。',
	'sync.problem.bad-credentials': '用户名或密码不正确，服务器拒绝登录。请检查后重试。',
	'sync.problem.session-expired': '登录已过期：请在“设置”中再次输入密码。同步会从中断处继续。',
	'sync.problem.forbidden':
		'您的账号无权读取此数据库：服务器只允许指定角色访问。请向管理员确认您的角色和数据库名称。',
	'sync.problem.no-database': '服务器上没有这个数据库：请检查名称，或请管理员先创建。',
	'sync.problem.offline':
		'网络已断开：同步已暂停，本设备上的数据未受影响，恢复联网后会从中断处继续。',
	'sync.problem.refused':
		'服务器拒绝了本设备的部分记录（未通过服务器的校验）：这些记录仍完整保存在本设备上。请更新本应用，或请管理员查看服务器日志。',
	'sync.problem.server-error': '服务器出错，未能完成同步。本设备上的数据未受影响，稍后会重试。',
	'sync.quarantine.title': '未应用的文档（已隔离）',
	'sync.quarantine.intro': '以下服务器上的文档无法读取，没有写入本设备：',
	'sync.quarantine.foreign': '不是本应用的记录',
	'sync.quarantine.malformed': '内容不完整或有误',
	'sync.quarantine.newer': '由更新版本的应用写入：请更新本应用后再同步',
	'sync.conflicts.title': '同步冲突',
	'sync.conflicts.none': '没有待处理的冲突。',
	'sync.conflicts.intro':
		'{subject}（{period}）在两台设备上分别修改过。只在一边修改的答案已自动合并；下列答案两边改得不同，请逐项选择保留哪一个：',
	'sync.conflicts.side': '版本 {n}',
	'sync.conflicts.take': '保留此版本',
	'sync.conflicts.chosen': '已选择',
	'sync.conflicts.save': '保存合并结果',
	'sync.conflicts.saved': '已保存合并结果，其他版本已删除。',
	'sync.conflicts.noAnswer': '（未作答）',
	'sync.conflicts.open': '处理冲突'
} as const;

export type SyncKey = keyof typeof syncZh;
