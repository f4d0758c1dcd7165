// العربية (الفصحى المعاصرة)، مثل نصوص جانب المستخدم. من اليمين إلى اليسار: `dir="rtl"`.
import { arMessages } from '../../messages/ar.js';
import { type AdminSessionsMessages, withAdminTexts } from './types.js';

const plural = new Intl.PluralRules('ar');
const number = new Intl.NumberFormat('ar');

/** Arabic counts have six forms: "جلسة واحدة", "جلستان", "3 جلسات", "11 جلسةً", "100 جلسة". */
function sessions(n: number, dual = 'جلستان'): string {
  const form = plural.select(n);
  if (form === 'one') return 'جلسة واحدة';
  if (form === 'two') return dual;
  const noun = { zero: 'جلسة', few: 'جلسات', many: 'جلسةً', other: 'جلسة' }[form];
  return `${number.format(n)} ${noun}`;
}

export const adminArMessages: AdminSessionsMessages = /* @__PURE__ */ withAdminTexts(arMessages, {
  tableLabel: 'كل الجلسات',
  searchLabel: 'البحث في الجلسات',
  searchPlaceholder: 'البريد أو الاسم أو عنوان IP أو المتصفح',
  statusLabel: 'الحالة',
  statusActive: 'نشطة',
  statusExpired: 'منتهية',
  applicationLabel: 'التطبيق',
  allApplications: 'كل التطبيقات',
  total: (count) => sessions(count),
  columnUser: 'المستخدم',
  columnDevice: 'الجهاز',
  columnPlace: 'المكان أو IP',
  columnLastActive: 'آخر نشاط',
  columnCreated: 'أُنشئت',
  columnExpires: 'تنتهي',
  columnToken: 'الرمز',
  loading: 'جارٍ تحميل الجلسات…',
  loadingMore: 'جارٍ تحميل المزيد من الجلسات…',
  empty: 'لا توجد جلسات مطابقة.',
  forbidden: 'غير مسموح لك برؤية كل الجلسات.',
  statsLabel: 'إحصاءات الجلسات',
  statTotalActive: 'الجلسات النشطة',
  statUniqueUsers: 'المستخدمون المسجّلون',
  statExpired: 'الجلسات المنتهية',
  statStartedToday: 'بدأت اليوم',
  detailsTitle: (user) => `جلسة ${user}`,
  close: 'إغلاق',
  fieldUser: 'المستخدم',
  fieldTokenPreview: 'الرمز (أول 8 أحرف)',
  fieldCreated: 'أُنشئت',
  fieldExpires: 'تنتهي',
  fieldAge: 'العمر',
  fieldStatus: 'الحالة',
  fieldDevice: 'الجهاز',
  fieldPlace: 'المكان أو IP',
  fieldApplication: 'التطبيق',
  valid: 'صالحة',
  expired: 'منتهية',
  notFound: 'هذه الجلسة لم تعد موجودة.',
  revokeSession: 'تسجيل الخروج من هذه الجلسة',
  sessionRevoked: 'تم تسجيل الخروج من الجلسة.',
  revokeUserSessions: 'تسجيل الخروج من كل جلسات هذا المستخدم',
  confirmRevokeSessionTitle: (device, user) => `تسجيل خروج ${device} الخاص بـ ${user}؟`,
  confirmRevokeSessionDescription: 'سيتم تسجيل خروج هذا الجهاز فورًا؛ وتبقى جلسات المستخدم الأخرى.',
  confirmRevokeUserTitle: (user) => `تسجيل الخروج من كل جلسات ${user}؟`,
  confirmRevokeUserDescription: 'سيتم تسجيل الخروج فورًا من كل أجهزة هذا المستخدم.',
  // After "من" the dual is genitive: "جلستين".
  userSessionsRevoked: (count) => `تم تسجيل الخروج من ${sessions(count, 'جلستين')}`,
});
