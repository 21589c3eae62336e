import { createTransport } from "nodemailer";

/** One email, as the outbox sender hands it over. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  /** Plain text: the outbox keeps no HTML. */
  readonly text: string;
  readonly lang: "fr" | "en";
  /** Stable across attempts, so a receiver can drop a message delivered twice (at least once). */
  readonly messageId: string;
}

/** Where emails go: an SMTP server, or the log when none is configured. */
export interface MailTransport {
  readonly kind: "smtp" | "log";
  /** Resolves once the server accepted the message; rejects with its reason otherwise. */
  readonly send: (mail: OutgoingMail) => Promise<void>;
  /** Closes the connections (at shutdown). */
  readonly close: () => void;
}

/** What the log transport and the sender write to (pino's logger fits). */
export interface MailLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * The SMTP server at `url` (`smtp://user:pass@host:587`, `smtps://…`; nodemailer's options may
 * follow in the query, e.g. `?pool=true`). The timeouts are shorter than nodemailer's (minutes)
 * so that a stuck server fails the attempt well within the outbox's lease of the message.
 */
export const smtpTransport = (url: string, from: string): MailTransport => {
  const transporter = createTransport({
    url,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return {
    kind: "smtp",
    send: async (mail) => {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        headers: { "Content-Language": mail.lang },
      });
    },
    close: () => transporter.close(),
  };
};

/**
 * No SMTP server configured (local use, demos): each email is noted in the log instead, without
 * its body (personal data, links that sign in: never in a log).
 */
export const logTransport = (logger: MailLogger, from: string): MailTransport => ({
  kind: "log",
  send: async (mail) => {
    logger.info(
      {
        from,
        to: mail.to,
        subject: mail.subject,
        lang: mail.lang,
        messageId: mail.messageId,
        characters: mail.text.length,
      },
      "email (log transport: SMTP_URL is not set)",
    );
  },
  close: () => undefined,
});

/** SMTP when `SMTP_URL` is set, the log otherwise. */
export const mailTransport = (
  config: { readonly SMTP_URL?: string | undefined; readonly MAIL_FROM: string },
  logger: MailLogger,
): MailTransport =>
  config.SMTP_URL
    ? smtpTransport(config.SMTP_URL, config.MAIL_FROM)
    : logTransport(logger, config.MAIL_FROM);
