export type Details = Readonly<Record<string, unknown>> | undefined;
export type Message = string | ((details: Details) => string);
/** A feature's error messages, by the `reason` its use cases put in the details. */
export type ReasonMessages = Readonly<Record<string, { readonly fr: Message; readonly en: Message }>>;
