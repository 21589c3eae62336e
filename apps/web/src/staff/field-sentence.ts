/**
 * The API names a field and says what is wrong with it as a fragment ("est trop grand", "doit
 * dire pourquoi"), meant to follow the field's name; under the field, the form's own errors are
 * sentences ("Indiquez un nombre."). This makes the API's one a sentence too.
 */
export const fieldSentence = (message: string): string => {
  const text = message.trim();
  if (text === "") return text;
  const capital = text.charAt(0).toLocaleUpperCase() + text.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
};
