/**
 * The new-device mail's wording, one table per locale (newDeviceMessage.ts builds the mail from it). Each
 * table is a `NewDeviceTexts`, so a key missing in any locale fails to compile. The tone follows the
 * kit's own texts (src/messages): German and French formal, Spanish `tú`, Arabic Modern Standard.
 * Values arrive already cleaned; the builder escapes them for HTML.
 */

/** The locales the new-device mail is written in (the kit's five). */
export type NewDeviceMessageLocale = 'en' | 'de' | 'fr' | 'es' | 'ar';

export interface NewDeviceTexts {
  /** Right to left. */
  rtl: boolean;
  /** `device` is null when nothing is known of it. */
  subject: (appName: string, device: string | null) => string;
  heading: (appName: string) => string;
  greeting: (userName: string | null) => string;
  intro: (appName: string) => string;
  /** "Chrome on macOS", as the kit's list says it. */
  deviceName: (parts: { browser: string; os: string }) => string;
  /** The device line's value when nothing is known of the device. */
  unknownDevice: string;
  /** Between the parts of a place: "Lisbon, Portugal". */
  placeSeparator: string;
  /** Each with its punctuation ("Device:", "Appareil :"). */
  labels: { device: string; place: string; ipAddress: string; time: string };
  ifItWasYou: string;
  /** The not-me link's label. */
  notMeAction: string;
  /** Under the link; `expiry` is the formatted time it expires, null when the link does not say. */
  notMeLinkNote: (expiry: string | null) => string;
  /** Instead of the link, when the alert carries none. */
  reviewDevices: (appName: string) => string;
  changePassword: string;
  changePasswordAction: string;
  footer: (appName: string) => string;
}

const en: NewDeviceTexts = {
  rtl: false,
  subject: (app, device) => `New sign-in to ${app} from ${device ?? 'an unknown device'}`,
  heading: (app) => `New sign-in to ${app}`,
  greeting: (name) => (name ? `Hi ${name},` : 'Hi,'),
  intro: (app) => `Your ${app} account was signed in on a new device.`,
  deviceName: ({ browser, os }) => `${browser} on ${os}`,
  unknownDevice: 'Unknown device',
  placeSeparator: ', ',
  labels: { device: 'Device:', place: 'Location:', ipAddress: 'IP address:', time: 'Time:' },
  ifItWasYou: 'If this was you, you can ignore this message.',
  notMeAction: 'This wasn’t me — sign that device out',
  notMeLinkNote: (expiry) =>
    `The link signs out only that device. It works once and expires ${expiry ? `on ${expiry}` : 'in a few days'}.`,
  reviewDevices: (app) =>
    `If this was not you, open your ${app} account settings, review the devices where you are signed in and sign that one out.`,
  changePassword: 'If you think someone else knows your password, change it now.',
  changePasswordAction: 'Change your password',
  footer: (app) =>
    `${app} sends this security notice whenever your account is signed in on a device it has not seen recently.`,
};

const de: NewDeviceTexts = {
  rtl: false,
  subject: (app, device) => `Neue Anmeldung bei ${app} mit ${device ?? 'einem unbekannten Gerät'}`,
  heading: (app) => `Neue Anmeldung bei ${app}`,
  greeting: (name) => (name ? `Hallo ${name},` : 'Guten Tag,'),
  intro: (app) => `Bei Ihrem ${app}-Konto gab es eine Anmeldung auf einem neuen Gerät.`,
  deviceName: ({ browser, os }) => `${browser} unter ${os}`,
  unknownDevice: 'Unbekanntes Gerät',
  placeSeparator: ', ',
  labels: { device: 'Gerät:', place: 'Ort:', ipAddress: 'IP-Adresse:', time: 'Zeitpunkt:' },
  ifItWasYou: 'Wenn Sie das waren, können Sie diese Nachricht ignorieren.',
  notMeAction: 'Das war ich nicht – dieses Gerät abmelden',
  notMeLinkNote: (expiry) =>
    `Der Link meldet nur dieses eine Gerät ab. Er funktioniert einmal und läuft ${expiry ? `am ${expiry}` : 'nach einigen Tagen'} ab.`,
  reviewDevices: (app) =>
    `Falls Sie das nicht waren, öffnen Sie Ihre Kontoeinstellungen bei ${app}, prüfen Sie die Geräte, auf denen Sie angemeldet sind, und melden Sie dieses Gerät ab.`,
  changePassword: 'Wenn Sie vermuten, dass jemand anderes Ihr Passwort kennt, ändern Sie es jetzt.',
  changePasswordAction: 'Passwort ändern',
  footer: (app) =>
    `Diese Sicherheitsnachricht sendet ${app} automatisch bei jeder Anmeldung auf einem Gerät, das in letzter Zeit nicht verwendet wurde.`,
};

const fr: NewDeviceTexts = {
  rtl: false,
  subject: (app, device) => `Nouvelle connexion à ${app} depuis ${device ?? 'un appareil inconnu'}`,
  heading: (app) => `Nouvelle connexion à ${app}`,
  greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
  intro: (app) => `Une connexion à votre compte ${app} a eu lieu sur un nouvel appareil.`,
  deviceName: ({ browser, os }) => `${browser} sur ${os}`,
  unknownDevice: 'Appareil inconnu',
  placeSeparator: ', ',
  labels: {
    device: 'Appareil\u00a0:',
    place: 'Lieu\u00a0:',
    ipAddress: 'Adresse IP\u00a0:',
    time: 'Date et heure\u00a0:',
  },
  ifItWasYou: 'Si c’était vous, vous pouvez ignorer ce message.',
  notMeAction: 'Ce n’était pas moi — déconnecter cet appareil',
  notMeLinkNote: (expiry) =>
    `Ce lien ne déconnecte que cet appareil. Il ne fonctionne qu’une fois et expire ${expiry ? `le ${expiry}` : 'au bout de quelques jours'}.`,
  reviewDevices: (app) =>
    `Si ce n’était pas vous, ouvrez les paramètres de votre compte ${app}, vérifiez les appareils sur lesquels vous êtes connecté et déconnectez celui-ci.`,
  changePassword:
    'Si vous pensez que quelqu’un d’autre connaît votre mot de passe, changez-le dès maintenant.',
  changePasswordAction: 'Changer de mot de passe',
  footer: (app) =>
    `${app} envoie cet avis de sécurité automatiquement à chaque connexion depuis un appareil qui n’a pas été utilisé récemment.`,
};

const es: NewDeviceTexts = {
  rtl: false,
  subject: (app, device) =>
    `Nuevo inicio de sesión en ${app} desde ${device ?? 'un dispositivo desconocido'}`,
  heading: (app) => `Nuevo inicio de sesión en ${app}`,
  greeting: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
  intro: (app) => `Se inició sesión en tu cuenta de ${app} desde un dispositivo nuevo.`,
  deviceName: ({ browser, os }) => `${browser} en ${os}`,
  unknownDevice: 'Dispositivo desconocido',
  placeSeparator: ', ',
  labels: { device: 'Dispositivo:', place: 'Ubicación:', ipAddress: 'Dirección IP:', time: 'Fecha y hora:' },
  ifItWasYou: 'Si fuiste tú, puedes ignorar este mensaje.',
  notMeAction: 'No fui yo: cerrar la sesión en ese dispositivo',
  notMeLinkNote: (expiry) =>
    `El enlace solo cierra la sesión en ese dispositivo. Funciona una sola vez y caduca ${expiry ? `el ${expiry}` : 'en unos días'}.`,
  reviewDevices: (app) =>
    `Si no fuiste tú, abre la configuración de tu cuenta de ${app}, revisa los dispositivos en los que has iniciado sesión y cierra la sesión en ese dispositivo.`,
  changePassword: 'Si crees que otra persona conoce tu contraseña, cámbiala ahora.',
  changePasswordAction: 'Cambiar la contraseña',
  footer: (app) =>
    `${app} envía este aviso de seguridad automáticamente cada vez que se inicia sesión en tu cuenta desde un dispositivo que no se ha usado últimamente.`,
};

const ar: NewDeviceTexts = {
  rtl: true,
  subject: (app, device) => `تسجيل دخول جديد إلى ${app} من ${device ?? 'جهاز غير معروف'}`,
  heading: (app) => `تسجيل دخول جديد إلى ${app}`,
  greeting: (name) => (name ? `مرحبًا ${name}،` : 'مرحبًا،'),
  intro: (app) => `تم تسجيل الدخول إلى حسابك في ${app} من جهاز جديد.`,
  deviceName: ({ browser, os }) => `${browser} على ${os}`,
  unknownDevice: 'جهاز غير معروف',
  placeSeparator: '، ',
  labels: { device: 'الجهاز:', place: 'الموقع:', ipAddress: 'عنوان IP:', time: 'الوقت:' },
  ifItWasYou: 'إذا كنت أنت من سجّل الدخول، فيمكنك تجاهل هذه الرسالة.',
  notMeAction: 'لم أكن أنا — تسجيل الخروج من ذلك الجهاز',
  notMeLinkNote: (expiry) =>
    `لا يسجّل هذا الرابط الخروج إلا من ذلك الجهاز. يعمل مرة واحدة فقط وتنتهي صلاحيته ${expiry ? `في ${expiry}` : 'بعد بضعة أيام'}.`,
  reviewDevices: (app) =>
    `إذا لم تكن أنت، فافتح إعدادات حسابك في ${app}، وراجع الأجهزة التي سجّلت الدخول عليها، وسجّل الخروج من ذلك الجهاز.`,
  changePassword: 'إذا كنت تظن أن شخصًا آخر يعرف كلمة المرور الخاصة بك، فغيّرها الآن.',
  changePasswordAction: 'تغيير كلمة المرور',
  footer: (app) =>
    `يرسل ${app} هذا التنبيه الأمني تلقائيًا عند كل تسجيل دخول إلى حسابك من جهاز لم يُستخدم مؤخرًا.`,
};

export const NEW_DEVICE_TEXTS: Readonly<Record<NewDeviceMessageLocale, NewDeviceTexts>> = {
  en,
  de,
  fr,
  es,
  ar,
};
