// A crowded demo: 12 services with long names and 20 counters, for the board's sizes.
export function crowded(text) {
    const long = [
        ['residence', 'H', { az: 'Xarici vətəndaşların yaşayış və müvəqqəti qalma icazələrinin qeydiyyatı', en: 'Residence and temporary stay permits for foreign citizens',
            ru: 'Разрешения на проживание и временное пребывание иностранных граждан', rw: "Impushya zo gutura n'izo kumara igihe gito ku banyamahanga", fr: 'Titres de séjour et autorisations de séjour temporaire des étrangers' }],
        ['pensions', 'J', { az: 'Pensiya və sosial müavinətlərin təyin edilməsi', en: 'Pensions and social benefits', ru: 'Назначение пенсий и социальных пособий',
            rw: "Amafaranga y'izabukuru n'ay'ubufasha bw'imibereho", fr: 'Pensions de retraite et prestations sociales' }],
        ['business', 'K', { az: 'Kommersiya hüquqi şəxslərinin dövlət qeydiyyatı', en: 'Registration of commercial companies', ru: 'Государственная регистрация коммерческих юридических лиц',
            rw: "Kwandikisha ibigo by'ubucuruzi", fr: 'Immatriculation des sociétés commerciales' }],
        ['apostille', 'L', { az: 'Sənədlərin leqallaşdırılması və apostil', en: 'Legalisation of documents and apostille', ru: 'Легализация документов и апостиль',
            rw: "Kwemeza inyandiko na apostille", fr: 'Légalisation des documents et apostille' }],
        ['disability', 'M', { az: 'Əlilliyin müəyyən edilməsi üzrə tibbi-sosial ekspertiza', en: 'Medical and social assessment of disability', ru: 'Медико-социальная экспертиза инвалидности',
            rw: "Isuzuma ry'ubuvuzi n'imibereho ku bafite ubumuga", fr: "Évaluation médico-sociale du handicap" }],
    ];
    let more = '';
    for (const [id, prefix, names] of long) {
        more += `\n[[services]]\nid = "${id}"\nprefix = "${prefix}"\nagency = "justice"\ntarget_wait_minutes = 15\nmax_wait_minutes = 45\nservice_minutes = 8\n`
            + `names = { ${Object.entries(names).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ')} }\n`;
    }
    for (let n = 9; n <= 20; ++n) more += `\n[[counters]]\nnumber = ${n}\nservices = ["${long[n % long.length][0]}", "passport"]\n`;
    const at = text.indexOf('\n[[counters]]');
    return text.slice(0, at) + more + text.slice(at);
}
