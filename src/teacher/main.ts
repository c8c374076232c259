// The teacher page's entry, loaded on demand by the game's page for `?mode=classroom` without a join link
// (src/app/teacherLink.ts): hides the game's elements, draws the page and exposes a small handle for tests
// and automation, `window.kernelCourierTeacher` (ready, session(), addText()).
import './teacher.css';
import { startTeacherPage, type TeacherPage } from './page';

declare global {
  interface Window {
    kernelCourierTeacher?: TeacherPage;
  }
}

document.documentElement.classList.add('kt-teacher');
for (const id of ['game', 'kc-a11y-host', 'notices']) document.getElementById(id)?.setAttribute('hidden', '');
// The game's HTML loading screen (index.html) is the game's to hand over; the teacher's page needs none.
document.getElementById('kc-loading')?.remove();
window.kernelCourierTeacher = startTeacherPage(document, window);
