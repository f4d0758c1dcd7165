import type { ActivityMessages } from './types.js';

export const arActivityMessages: ActivityMessages = {
  heading: 'نشاط الأمان الأخير',
  listLabel: 'نشاط الأمان',
  loading: 'جارٍ تحميل النشاط…',
  empty: 'لا يوجد نشاط أمان حديث.',
  unavailable: 'نشاط الأمان غير متاح.',
  loadFailed: 'تعذّر تحميل نشاط الأمان.',
  retry: 'إعادة المحاولة',
  showMore: 'عرض المزيد',
  signedIn: 'تسجيل الدخول',
  failedSignIns: (count) =>
    count === 1
      ? 'محاولة تسجيل دخول فاشلة'
      : count === 2
        ? 'محاولتا تسجيل دخول فاشلتان'
        : count <= 10
          ? `${count} محاولات تسجيل دخول فاشلة`
          : `${count} محاولة تسجيل دخول فاشلة`,
  confirmationFailed: 'أُدخلت كلمة مرور خاطئة',
  reauthenticated: 'تم تأكيد كلمة المرور',
  signedOut: 'تسجيل الخروج',
  revoked: 'تم تسجيل الخروج من جهاز آخر',
  revokedByAdmin: 'سجّل أحد المسؤولين الخروج',
  expired: 'انتهت الجلسة',
  sessionLimit: 'تم تسجيل الخروج: أجهزة كثيرة جدًا',
  notMeReported: 'تم الإبلاغ بأنه ليس أنت وتسجيل الخروج',
  newDevice: 'جهاز جديد',
  thisDevice: 'هذا الجهاز',
  stillSignedIn: 'ما زال مسجّلًا للدخول',
  endedAt: (time) => `انتهت في ${time}`,
  triedAs: (identifier) => `باسم ${identifier}`,
  notMe: 'لم أكن أنا',
  notMeLabel: (device) => `لم أكن أنا: تسجيل خروج ${device}`,
  notMeTitle: (device) => `تسجيل خروج ${device}؟`,
  notMeDescription:
    'إذا لم تسجّل الدخول على هذا الجهاز، فسجّل خروجه الآن. ثم غيّر كلمة المرور: ربما يعرفها أحد.',
  notMeConfirm: 'تسجيل خروجه',
  notMeDone: 'تم تسجيل خروج ذلك الجهاز. غيّر كلمة المرور لحماية حسابك.',
  adminHeading: 'النشاط',
  accountHistory: 'النشاط الأخير لهذا الحساب',
  chartTitle: (days) => `عمليات تسجيل الدخول، آخر ${days} يومًا`,
  chartDay: 'اليوم',
  chartSignIns: 'عمليات تسجيل الدخول',
  chartFailedSignIns: 'عمليات تسجيل الدخول الفاشلة',
  noAccount: 'لا يوجد حساب',
  columnWhen: 'متى',
  columnAccount: 'الحساب',
  columnWhat: 'ماذا',
  columnWhere: 'الجهاز والمكان',
};
