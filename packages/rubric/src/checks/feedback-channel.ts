import { FEEDBACK } from './implements.js';
import { recommendationCheck } from './recommendation.js';

export const feedbackChannel = recommendationCheck({
  id: 'feedback-channel',
  weight: 1,
  kind: 'feedback_channel',
  title: { es: 'Canal de quejas y sugerencias', en: 'Feedback channel' },
  implements: FEEDBACK,
  hint: {
    es: 'Ofrezca un buzón o formulario de quejas, sugerencias o satisfacción con el servicio, enlazado desde las páginas de servicios.',
    en: 'Offer a complaints, suggestions or satisfaction form, linked from the service pages.',
  },
  missing: 'no feedback, complaints or suggestions channel',
});
