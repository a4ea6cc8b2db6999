/** D14: the published demo password meets the password policy (and contains no demo user name). */
export const DEMO_PASSWORD = 'Demo@Guandu2026';
