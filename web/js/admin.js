// The admin page (/admin, docs/SETUP.md): the centre's services, counters, devices and users as
// the log holds them, changed by an admin's commands. A manager signs in too and sees it all
// read-only. Every change is live: the page follows the dashboard view's ServiceChanged,
// CounterSetUp, CalendarChanged, UserChanged and DeviceChanged, so a second admin's page shows the first's work.
import { admin, $, sayRequiredFields } from './admin_form.js';
import { mountServices } from './admin_services.js';
import { mountCounters } from './admin_counters.js';
import { mountDevices } from './admin_devices.js';
import { mountUsers } from './admin_users.js';
import { mountHours } from './admin_hours.js';
import { mountConfigCheck } from './admin_config.js';
import { signInForm } from './dashboard_sign_in.js';
import { mountStaffLanguagePicker, onStaffLanguage, staffSay } from './staff_language.js';

function title() {
    document.title = admin.centre ? staffSay('admin.titleOf', { centre: admin.centre.name }) : staffSay('admin.title');
    $('title').textContent = document.title;
}

function replace(list, item, same) {
    const at = list.findIndex(same);
    if (at >= 0) list[at] = item;
    else list.push(item);
}

async function reread(what) {
    try {
        if (what === 'users') admin.users = (await admin.link.request('listUsers', {})).users.users;
        else admin.devices = (await admin.link.request('listDevices', {})).devices.devices;
    } catch {
        return;  // offline: the banner says so, and the next change or reconnect reads again
    }
    admin.render();
}

function lines(list) {
    for (const l of list ?? []) admin.waiting.set(l.serviceId, l.waiting);
}

// The dashboard view: its snapshot's centre and lines, then each set-up event as it comes.
function follow(m) {
    if (m.body === 'snapshot') {
        admin.centre = m.snapshot.centre;
        admin.waiting.clear();
        lines(m.snapshot.lines);
        reread('users');
        reread('devices');
    } else if (m.body === 'events') {
        lines(m.events.lines);
        for (const e of m.events.events) {
            if (e.kind === 'serviceChanged') replace(admin.centre.services, e.serviceChanged.service, (s) => s.id === e.serviceChanged.service.id);
            if (e.kind === 'counterSetUp') replace(admin.centre.counters, e.counterSetUp.counter, (c) => c.number === e.counterSetUp.counter.number);
            if (e.kind === 'calendarChanged') admin.centre.calendar = e.calendarChanged.calendar;
            if (e.kind === 'userChanged') reread('users');
            if (e.kind === 'deviceChanged') reread('devices');
        }
    } else return;
    admin.render();
}

function signedIn(link) {
    admin.link = link;
    admin.centre = link.welcome.centre;
    admin.me = link.welcome.user;
    admin.canChange = link.welcome.role === 'ROLE_ADMIN';
    document.body.classList.toggle('read-only-mode', !admin.canChange);
    $('read-only').hidden = admin.canChange;
    $('language').replaceChildren();
    mountStaffLanguagePicker($('language'), admin.centre.languages);
    $('board').hidden = false;
    for (const form of document.querySelectorAll('form.admin-form')) sayRequiredFields(form);
    for (const mount of [mountServices, mountCounters, mountHours, mountDevices, mountUsers, mountConfigCheck]) admin.renders.push(mount());
    admin.renders.push(title);
    link.subscribe({ view: 'VIEW_DASHBOARD' }, follow);
    admin.render();
}

mountStaffLanguagePicker($('language'));
onStaffLanguage(() => (admin.link ? admin.render() : title()));
title();
signInForm(signedIn, { roles: ['ROLE_ADMIN', 'ROLE_MANAGER'], clientName: 'admin page',
    forWhom: 'admin.forStaff', elsewhere: { path: '/counter', key: 'admin.clerkPage' } });
