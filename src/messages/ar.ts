// العربية (الفصحى المعاصرة). Right to left: pass `dir="rtl"` and date-fns' `ar` locale with these texts.
import { durationOf } from './duration.js';
import type { SessionsMessages } from './types.js';

const plural = new Intl.PluralRules('ar');
const number = new Intl.NumberFormat('ar');

/** Arabic counts have six forms; these read after a preposition (على، من), so the dual is genitive. */
function counted(n: number, forms: Record<Intl.LDMLPluralRule, string>): string {
  const form = plural.select(n);
  if (form === 'one' || form === 'two') return forms[form];
  return `${number.format(n)} ${forms[form]}`;
}
const devices = (n: number) =>
  counted(n, { zero: 'جهاز', one: 'جهاز واحد', two: 'جهازين', few: 'أجهزة', many: 'جهازًا', other: 'جهاز' });
// After بعد: the genitive, as `counted` words it, in the unit durationOf picks.
const UNITS = {
  second: { zero: 'ثانية', one: 'ثانية واحدة', two: 'ثانيتين', few: 'ثوانٍ', many: 'ثانيةً', other: 'ثانية' },
  minute: { zero: 'دقيقة', one: 'دقيقة واحدة', two: 'دقيقتين', few: 'دقائق', many: 'دقيقةً', other: 'دقيقة' },
  hour: { zero: 'ساعة', one: 'ساعة واحدة', two: 'ساعتين', few: 'ساعات', many: 'ساعةً', other: 'ساعة' },
} as const;
const wait = (seconds: number) => {
  const [count, unit] = durationOf(seconds);
  return counted(count, UNITS[unit]);
};

export const arMessages: SessionsMessages = {
  listLabel: 'الأجهزة التي سجّلت الدخول عليها',
  countHeading: (count) => `تم تسجيل الدخول على ${devices(count)}`,
  loading: 'جارٍ تحميل أجهزتك…',
  empty: 'لم تسجّل الدخول على أي جهاز هنا.',
  listUnavailable: 'قائمة الأجهزة غير متاحة، لكن لا يزال بإمكانك تسجيل الخروج من الأجهزة الأخرى.',
  signedOut: 'تم تسجيل خروجك على هذا الجهاز.',
  retry: 'إعادة المحاولة',
  offline: 'غير متصل — نعرض آخر ما رأيناه',

  deviceName: ({ browser, os }) => `${browser} على ${os}`,
  unknownDevice: 'جهاز غير معروف',
  numberedDevice: (device, n) => `${device} (${number.format(n)})`,
  thisDevice: 'هذا الجهاز',
  trusted: 'موثوق',
  lastActive: (relative) => `آخر نشاط ${relative}`,
  activeNow: 'نشط الآن',
  signedInAt: (time) => `تم تسجيل الدخول في ${time}`,
  ipAddress: (ip) => `عنوان IP ${ip}`,
  location: ({ city, region, country }) => [city, region, country].filter(Boolean).join('، '),

  signOutSession: 'تسجيل الخروج',
  signOutSessionLabel: (device) => `تسجيل الخروج من ${device}`,
  signOutThisDeviceLabel: 'تسجيل الخروج من هذا الجهاز',
  signingOut: 'جارٍ تسجيل الخروج…',
  sessionRevoked: (device) => `تم تسجيل الخروج من ${device}`,
  signOutFailed: (reason) => `تعذّر تسجيل خروجك. ${reason}`,
  sessionRevokeFailed: (device, reason) => `تعذّر تسجيل الخروج من ${device}. ${reason}`,

  revokeOthers: 'تسجيل الخروج من الأجهزة الأخرى',
  revokeAll: 'تسجيل الخروج من كل الأجهزة',
  nothingToRevoke: 'لا توجد أجهزة أخرى مسجّل الدخول عليها.',
  revokedCount: (count) => `تم تسجيل الخروج من ${devices(count)}`,
  signedOutOthers: 'تم تسجيل الخروج من كل الأجهزة الأخرى.',
  signedOutEverywhere: 'تم تسجيل الخروج من كل الأجهزة.',

  confirmRevokeSessionTitle: (device) => `تسجيل الخروج من ${device}؟`,
  confirmRevokeSessionDescription: (device) => `سيتم تسجيل الخروج من ${device} فورًا.`,
  confirmRevokeOthersTitle: 'تسجيل الخروج من الأجهزة الأخرى؟',
  confirmRevokeOthersDescription: 'سيتم تسجيل الخروج فورًا من كل الأجهزة باستثناء هذا الجهاز.',
  confirmRevokeAllTitle: 'تسجيل الخروج من كل الأجهزة؟',
  confirmRevokeAllDescription: 'سيتم تسجيل الخروج فورًا من كل الأجهزة، بما فيها هذا الجهاز.',
  passwordHint: 'أدخل كلمة المرور للتأكيد.',
  passwordLabel: 'كلمة المرور',
  cancel: 'إلغاء',
  confirm: 'تسجيل الخروج',
  confirming: 'جارٍ تسجيل الخروج…',

  reauthTitle: 'تأكيد هويتك',
  reauthDescription: 'حفاظًا على أمانك، أدخل كلمة المرور مرة أخرى لترى الأجهزة التي سجّلت الدخول عليها.',
  reauthSubmit: 'تأكيد',
  reauthContinue: 'تأكيد هويتي',

  errors: {
    NETWORK: () => 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك وحاول مرة أخرى.',
    UNAUTHORIZED: () => 'تم تسجيل خروجك. سجّل الدخول مرة أخرى للمتابعة.',
    REAUTH_REQUIRED: () => 'يُرجى تأكيد كلمة المرور للمتابعة.',
    INVALID_PASSWORD: () => 'كلمة المرور غير صحيحة.',
    NOT_FOUND: () => 'تم تسجيل الخروج من هذا الجهاز بالفعل.',
    RATE_LIMITED: ({ retryAfter }) =>
      retryAfter
        ? `محاولات كثيرة جدًا. حاول مرة أخرى بعد ${wait(retryAfter)}.`
        : 'محاولات كثيرة جدًا. حاول مرة أخرى لاحقًا.',
    FORBIDDEN: () => 'ليس لديك إذن للقيام بذلك.',
    INVALID_RESPONSE: () => 'أرسل الخادم ردًا لا تستطيع هذه الصفحة قراءته.',
    UNKNOWN: () => 'حدث خطأ ما. حاول مرة أخرى.',
  },
};
