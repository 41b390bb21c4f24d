import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { message, Modal } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { HookAPI as ModalHookAPI } from 'antd/es/modal/useModal';

interface Feedback {
  message: MessageInstance;
  modal: ModalHookAPI;
}

const FeedbackContext = createContext<Feedback | null>(null);

/**
 * Toasts and confirmation dialogs that follow the theme and locale (what antd's `App` gives,
 * without its notification component, which the app never uses).
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [messageApi, messageHolder] = message.useMessage();
  const [modalApi, modalHolder] = Modal.useModal();
  const value = useMemo(() => ({ message: messageApi, modal: modalApi }), [messageApi, modalApi]);
  return (
    <FeedbackContext.Provider value={value}>
      {children}
      {messageHolder}
      {modalHolder}
    </FeedbackContext.Provider>
  );
}

export function useFeedback(): Feedback {
  const v = useContext(FeedbackContext);
  if (!v) throw new Error('useFeedback outside FeedbackProvider');
  return v;
}
